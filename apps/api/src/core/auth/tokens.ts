import { createHash, randomBytes } from 'node:crypto';

/** Prefixes tell a session token from an API key at a glance, in logs and in secret scanners. */
export const SESSION_TOKEN_PREFIX = 'shs_';
export const API_KEY_PREFIX = 'shk_';

/** A bearer secret: 256 random bits, base64url, with its kind's prefix. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Secrets are stored only as SHA-256: they are random and long, so a fast hash is enough (unlike
 * passwords), and a database leak does not hand out working tokens.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
