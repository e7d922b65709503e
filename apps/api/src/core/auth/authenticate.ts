import type { PrismaClient } from '@seminarhub/db';
import { API_KEY_PREFIX, hashSecret, SESSION_TOKEN_PREFIX } from './tokens.ts';
import { ANONYMOUS, type Viewer } from './viewer.ts';

/** A bearer credential was sent but is not valid: the client must know, not be treated as anonymous. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

/** Usage timestamps are refreshed at most this often, so that reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

/** Resolves the `Authorization` header to the viewer: anonymous, a signed-in user, or an API key. */
export async function authenticate(
  prisma: PrismaClient,
  authorization: string | undefined,
  now = new Date(),
): Promise<Viewer> {
  if (!authorization) return ANONYMOUS;
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (!secret) throw new AuthenticationError('Send credentials as "Authorization: Bearer <token or API key>".');
  const stale = new Date(now.getTime() - TOUCH_INTERVAL_MS);

  if (secret.startsWith(SESSION_TOKEN_PREFIX)) {
    const session = await prisma.authSession.findUnique({
      where: { tokenHash: hashSecret(secret) },
      include: { user: true },
    });
    if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) {
      throw new AuthenticationError('The session token is invalid or has expired: sign in again.');
    }
    if (!session.lastUsedAt || session.lastUsedAt < stale) {
      await prisma.authSession.update({ where: { id: session.id }, data: { lastUsedAt: now } });
    }
    const { user } = session;
    return {
      kind: 'user',
      userId: user.id,
      email: user.email,
      role: user.role,
      personId: user.personId,
      sessionId: session.id,
    };
  }

  if (secret.startsWith(API_KEY_PREFIX)) {
    const key = await prisma.apiKey.findUnique({ where: { keyHash: hashSecret(secret) } });
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) {
      throw new AuthenticationError('The API key is invalid, revoked or expired.');
    }
    if (!key.lastUsedAt || key.lastUsedAt < stale) {
      await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
    }
    return { kind: 'apiKey', apiKeyId: key.id, name: key.name, scope: key.scope, createdById: key.createdById };
  }

  throw new AuthenticationError('The bearer credential is neither a session token nor an API key.');
}
