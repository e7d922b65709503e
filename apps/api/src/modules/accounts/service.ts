import type { PrismaClient } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/guards.ts';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../core/auth/passwords.ts';
import { generateSecret, hashSecret, SESSION_TOKEN_PREFIX } from '../../core/auth/tokens.ts';
import type { Viewer as ViewerIdentity } from '../../core/auth/viewer.ts';
import type { Context } from '../../core/context.ts';
import { UserErrorCode, userError } from '../../core/user-errors.ts';
import { zonedMoment } from '../../core/words.ts';
import type { Logger } from '../../logger.ts';
import { permissionsOf } from './permissions.ts';
import { type LoginPayload, type PasswordChangePayload, type Viewer, ViewerKind } from './types.ts';

/** Sign-in throttling, counted per email in the database so that every API process agrees. */
export const LOGIN_POLICY = {
  /** Failures within the window that lock the email until the oldest of them leaves the window. */
  maxFailures: 10,
  windowMs: 15 * 60_000,
  /** From this many failures on, each next attempt waits 2^(n - backoffFrom) seconds. */
  backoffFrom: 5,
};

export const SESSION_TTL_MS = 12 * 60 * 60_000;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function describeViewer(viewer: ViewerIdentity): Viewer {
  return {
    kind:
      viewer.kind === 'user' ? ViewerKind.USER : viewer.kind === 'apiKey' ? ViewerKind.API_KEY : ViewerKind.ANONYMOUS,
    role: viewer.kind === 'user' ? viewer.role : null,
    permissions: permissionsOf(viewer),
    userId: viewer.kind === 'user' ? viewer.userId : null,
    apiKeyId: viewer.kind === 'apiKey' ? viewer.apiKeyId : null,
  };
}

/** Refuses the attempt before any password check when the email is locked or must wait. */
async function throttle(prisma: PrismaClient, email: string, now: Date) {
  const since = new Date(now.getTime() - LOGIN_POLICY.windowMs);
  const failures = await prisma.loginFailure.findMany({
    where: { email, at: { gt: since } },
    orderBy: { at: 'asc' },
    select: { at: true },
  });
  const [oldest] = failures;
  if (oldest && failures.length >= LOGIN_POLICY.maxFailures) {
    const until = new Date(oldest.at.getTime() + LOGIN_POLICY.windowMs);
    return userError(
      UserErrorCode.LOCKED,
      `Too many failed sign-ins for this email: it is locked until ${zonedMoment(until, 'UTC')}.`,
    );
  }
  const latest = failures.at(-1);
  if (latest && failures.length >= LOGIN_POLICY.backoffFrom) {
    const waitMs = 2 ** (failures.length - LOGIN_POLICY.backoffFrom) * 1000;
    const retryAt = latest.at.getTime() + waitMs;
    if (retryAt > now.getTime()) {
      const seconds = Math.ceil((retryAt - now.getTime()) / 1000);
      return userError(UserErrorCode.THROTTLED, `Too many failed sign-ins: wait ${seconds} s before trying again.`);
    }
  }
  return null;
}

export async function login(
  ctx: Context,
  input: { email: string; password: string },
  ip?: string,
): Promise<LoginPayload> {
  const { prisma } = ctx;
  const now = new Date();
  const email = normalizeEmail(input.email);
  const failed = (error: ReturnType<typeof userError>) => ({
    token: null,
    expiresAt: null,
    viewer: null,
    userErrors: [error],
  });

  // Not an address anyone signs in with: refuse before spending a lookup and a hash on it.
  if (email.length > 320) {
    return failed(userError(UserErrorCode.INVALID_CREDENTIALS, 'The email or password is wrong.'));
  }
  const refused = await throttle(prisma, email, now);
  if (refused) return failed(refused);

  const user = await prisma.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.disabledAt ? undefined : user?.passwordHash, input.password);
  if (!user || !valid) {
    await prisma.loginFailure.create({ data: { email, ip: ip ?? null, at: now } });
    ctx.log.info({ email }, 'failed sign-in');
    return failed(userError(UserErrorCode.INVALID_CREDENTIALS, 'The email or password is wrong.'));
  }

  const token = generateSecret(SESSION_TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const session = await prisma.$transaction(async (tx) => {
    await tx.loginFailure.deleteMany({ where: { email } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    const created = await tx.authSession.create({ data: { userId: user.id, tokenHash: hashSecret(token), expiresAt } });
    await recordAudit(tx, ctx, {
      action: 'user.login',
      entityType: 'User',
      entityId: user.id,
      before: { lastLoginAt: user.lastLoginAt },
      after: { lastLoginAt: now, sessionId: created.id, sessionExpiresAt: expiresAt },
      actorUserId: user.id,
    });
    return created;
  });
  ctx.log.info({ userId: user.id }, 'signed in');
  const identity: ViewerIdentity = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    role: user.role,
    personId: user.personId,
    sessionId: session.id,
  };
  return { token, expiresAt, viewer: describeViewer(identity), userErrors: [] };
}

export async function logout(ctx: Context) {
  const user = requireUser(ctx);
  const revokedAt = new Date();
  const count = await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({
      where: { id: user.sessionId, revokedAt: null },
      data: { revokedAt },
    });
    if (count === 1) {
      await recordAudit(tx, ctx, {
        action: 'user.logout',
        entityType: 'User',
        entityId: user.userId,
        before: { sessionId: user.sessionId, sessionRevokedAt: null },
        after: { sessionId: user.sessionId, sessionRevokedAt: revokedAt },
      });
    }
    return count;
  });
  return { revoked: count === 1, userErrors: [] };
}

export async function changePassword(
  ctx: Context,
  input: { currentPassword: string; newPassword: string },
): Promise<PasswordChangePayload> {
  const viewer = requireUser(ctx);
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: viewer.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return {
      viewer: null,
      userErrors: [
        userError(UserErrorCode.INVALID_CREDENTIALS, 'The current password is wrong.', ['input', 'currentPassword']),
      ],
    };
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) {
    return { viewer: null, userErrors: [userError(UserErrorCode.INVALID, problem, ['input', 'newPassword'])] };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.prisma.$transaction(async (tx) => {
    const after = await tx.user.update({ where: { id: user.id }, data: { passwordHash, version: { increment: 1 } } });
    const signedOut = await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: viewer.sessionId } },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      action: 'user.passwordChange',
      entityType: 'User',
      entityId: user.id,
      before: { ...user, otherSessionsRevoked: 0 },
      after: { ...after, otherSessionsRevoked: signedOut.count },
    });
  });
  return { viewer: describeViewer(viewer), userErrors: [] };
}

/**
 * The first administrator, on a database without one: from ADMIN_EMAIL and ADMIN_PASSWORD, or with
 * a random password printed once in the log. There is never a fixed default password.
 */
export async function ensureFirstAdmin(
  prisma: PrismaClient,
  options: { email: string; password: string | undefined },
  log: Logger,
): Promise<void> {
  if (await prisma.user.findFirst({ where: { role: 'ADMIN' }, select: { id: true } })) return;
  const email = normalizeEmail(options.email);
  const password = options.password ?? generatePassword();
  const problem = passwordProblem(password, email);
  if (problem) throw new Error(`ADMIN_PASSWORD is not acceptable: ${problem}`);
  await prisma.user.create({ data: { email, role: 'ADMIN', passwordHash: await hashPassword(password) } });
  if (options.password) {
    log.info({ email }, 'created the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD');
  } else {
    log.warn(
      { email, password },
      'created the first administrator with a generated password: it is shown only this once, so sign in and change it',
    );
  }
}
