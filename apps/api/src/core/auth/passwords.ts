import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Longer passwords are cut off by nobody, but hashing megabytes would be a denial of service. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Checked against when the email is unknown, so that a missing account takes as long as a wrong
// password and timing does not reveal which emails have accounts.
const UNKNOWN_ACCOUNT_HASH = hash('no account has this password, it only costs the same time');

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  if (!passwordHash) {
    await verify(await UNKNOWN_ACCOUNT_HASH, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'Do not use your email as the password.';
  return null;
}

/** A password for someone else to receive once (a new account, a reset): 24 URL-safe characters, 144 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
