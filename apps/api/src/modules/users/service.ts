import { Prisma } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { requireAdmin } from '../../core/auth/guards.ts';
import { generatePassword, hashPassword, passwordProblem } from '../../core/auth/passwords.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { normalizeEmail } from '../accounts/service.ts';
import type {
  CoordinatorAssignmentsSetInput,
  CoordinatorAssignmentsSetPayload,
  UserCreateInput,
  UserCreatePayload,
  UserPasswordResetInput,
  UserPasswordResetPayload,
  UserUpdateInput,
  UserUpdatePayload,
} from './types.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function createUser(ctx: Context, input: UserCreateInput): Promise<UserCreatePayload> {
  requireAdmin(ctx);
  const email = normalizeEmail(input.email);
  const errors: UserError[] = [];
  if (!EMAIL.test(email) || email.length > 320) {
    errors.push(userError(UserErrorCode.INVALID, 'Give a valid email address.', ['input', 'email']));
  }
  const generated = input.password ? null : generatePassword();
  const password = input.password ?? (generated as string);
  const problem = passwordProblem(password, email);
  if (problem) errors.push(userError(UserErrorCode.INVALID, problem, ['input', 'password']));
  const personId = input.personId ? fromGlobalIdOf('Person', input.personId, 'input.personId') : null;
  if (personId) errors.push(...(await personProblems(ctx, personId, null)));
  if (errors.length > 0) return { user: null, generatedPassword: null, userErrors: errors };

  try {
    const passwordHash = await hashPassword(password);
    const user = await ctx.prisma.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, role: input.role, personId, passwordHash } });
      await recordAudit(tx, ctx, {
        action: 'user.create',
        entityType: 'User',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    return { user, generatedPassword: generated, userErrors: [] };
  } catch (error) {
    const taken = uniqueViolation(error);
    if (taken) return { user: null, generatedPassword: null, userErrors: [taken] };
    throw error;
  }
}

const PERSON_TAKEN = 'This person already has an account.';

/** Two accounts raced for one email or one person: the unique index decides, and says which field. */
function uniqueViolation(error: unknown): UserError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return null;
  const field = JSON.stringify(error.meta ?? {}).includes('person') ? 'personId' : 'email';
  return userError(UserErrorCode.CONFLICT, field === 'email' ? 'An account with this email exists.' : PERSON_TAKEN, [
    'input',
    field,
  ]);
}

/** A person an account is linked to must exist and have no other account: one account per person. */
async function personProblems(ctx: Context, personId: string, accountId: string | null): Promise<UserError[]> {
  const person = await ctx.prisma.person.findUnique({
    where: { id: personId },
    select: { user: { select: { id: true, email: true } } },
  });
  if (!person) return [userError(UserErrorCode.NOT_FOUND, 'There is no such person.', ['input', 'personId'])];
  if (person.user && person.user.id !== accountId) {
    return [
      userError(UserErrorCode.CONFLICT, `This person already has an account (${person.user.email}).`, [
        'input',
        'personId',
      ]),
    ];
  }
  return [];
}

export async function updateUser(ctx: Context, input: UserUpdateInput): Promise<UserUpdatePayload> {
  const admin = requireAdmin(ctx);
  const id = fromGlobalIdOf('User', input.id, 'input.id');
  if (id === admin.userId && (input.disabled || (input.role && input.role !== 'ADMIN'))) {
    return {
      user: null,
      userErrors: [userError(UserErrorCode.INVALID, 'You cannot disable or demote your own account.', ['input', 'id'])],
    };
  }
  const personId = input.personId == null ? input.personId : fromGlobalIdOf('Person', input.personId, 'input.personId');
  if (personId) {
    const problems = await personProblems(ctx, personId, id);
    if (problems.length > 0) return { user: null, userErrors: problems };
  }
  try {
    return await changeUser(ctx, id, input, personId);
  } catch (error) {
    const taken = uniqueViolation(error);
    if (taken) return { user: null, userErrors: [taken] };
    throw error;
  }
}

async function changeUser(
  ctx: Context,
  id: string,
  input: UserUpdateInput,
  personId: string | null | undefined,
): Promise<UserUpdatePayload> {
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    const { count } = await tx.user.updateMany({
      where: { id, version: input.version },
      data: {
        ...(input.role ? { role: input.role } : {}),
        ...(input.disabled === true
          ? { disabledAt: new Date() }
          : input.disabled === false
            ? { disabledAt: null }
            : {}),
        ...(personId !== undefined ? { personId } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const exists = await tx.user.findUnique({ where: { id }, select: { version: true } });
      return {
        user: null,
        userErrors: [
          exists
            ? userError(
                UserErrorCode.CONFLICT,
                `The account changed since you read it (now version ${exists.version}).`,
                ['input', 'version'],
              )
            : userError(UserErrorCode.NOT_FOUND, 'There is no such account.', ['input', 'id']),
        ],
      };
    }
    // A disabled account or a changed role must not keep its old sessions.
    if (input.disabled || input.role) {
      await tx.authSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    // Assignments count only for coordinators; kept after a demotion, they would come back unseen with a promotion.
    if (before?.role === 'COORDINATOR' && input.role && input.role !== 'COORDINATOR') {
      await tx.programCoordinator.deleteMany({ where: { userId: id } });
      await tx.seminarCoordinator.deleteMany({ where: { userId: id } });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, ctx, { action: 'user.update', entityType: 'User', entityId: id, before, after });
    return { user: after, userErrors: [] };
  });
}

export async function setCoordinatorAssignments(
  ctx: Context,
  input: CoordinatorAssignmentsSetInput,
): Promise<CoordinatorAssignmentsSetPayload> {
  requireAdmin(ctx);
  const userId = fromGlobalIdOf('User', input.userId, 'input.userId');
  const errors: UserError[] = [];
  if (input.programIds.length > 100 || input.seminarIds.length > 100) {
    errors.push(userError(UserErrorCode.INVALID, 'Assign at most 100 programmes and 100 seminars.', ['input']));
  }
  const programIds = [
    ...new Set(input.programIds.map((id, i) => fromGlobalIdOf('Program', id, `input.programIds[${i}]`))),
  ];
  const seminarIds = [
    ...new Set(input.seminarIds.map((id, i) => fromGlobalIdOf('Seminar', id, `input.seminarIds[${i}]`))),
  ];
  const user = await ctx.prisma.user.findUnique({ where: { id: userId } });
  if (!user) errors.push(userError(UserErrorCode.NOT_FOUND, 'There is no such account.', ['input', 'userId']));
  else if (user.role !== 'COORDINATOR') {
    errors.push(
      userError(UserErrorCode.INVALID, 'Only coordinators are assigned programmes and seminars.', ['input', 'userId']),
    );
  }
  const [programs, seminars] = await Promise.all([
    ctx.prisma.program.count({ where: { id: { in: programIds } } }),
    ctx.prisma.seminar.count({ where: { id: { in: seminarIds } } }),
  ]);
  if (programs !== programIds.length)
    errors.push(userError(UserErrorCode.NOT_FOUND, 'A programme does not exist.', ['input', 'programIds']));
  if (seminars !== seminarIds.length)
    errors.push(userError(UserErrorCode.NOT_FOUND, 'A seminar does not exist.', ['input', 'seminarIds']));
  if (errors.length > 0 || !user) return { user: null, userErrors: errors };

  await ctx.prisma.$transaction(async (tx) => {
    const assigned = async () => ({
      programIds: (await tx.programCoordinator.findMany({ where: { userId }, orderBy: { programId: 'asc' } })).map(
        (row) => row.programId,
      ),
      seminarIds: (await tx.seminarCoordinator.findMany({ where: { userId }, orderBy: { seminarId: 'asc' } })).map(
        (row) => row.seminarId,
      ),
    });
    const before = await assigned();
    await tx.programCoordinator.deleteMany({ where: { userId, programId: { notIn: programIds } } });
    await tx.seminarCoordinator.deleteMany({ where: { userId, seminarId: { notIn: seminarIds } } });
    await tx.programCoordinator.createMany({
      data: programIds.map((programId) => ({ userId, programId })),
      skipDuplicates: true,
    });
    await tx.seminarCoordinator.createMany({
      data: seminarIds.map((seminarId) => ({ userId, seminarId })),
      skipDuplicates: true,
    });
    await recordAudit(tx, ctx, {
      action: 'user.coordinatorAssignmentsSet',
      entityType: 'User',
      entityId: userId,
      before,
      after: await assigned(),
    });
  });
  return { user, userErrors: [] };
}

/**
 * An administrator sets a new password for someone who lost theirs, or has one generated and shown once. Every
 * session of the account is signed out, and its failed sign-ins are forgotten, so the new password works at once.
 */
export async function resetPassword(ctx: Context, input: UserPasswordResetInput): Promise<UserPasswordResetPayload> {
  const admin = requireAdmin(ctx);
  const id = fromGlobalIdOf('User', input.id, 'input.id');
  const refused = (error: UserError) => ({ user: null, generatedPassword: null, userErrors: [error] });
  if (id === admin.userId) {
    return refused(
      userError(UserErrorCode.INVALID, 'Change your own password with your current one (passwordChange).', [
        'input',
        'id',
      ]),
    );
  }
  const user = await ctx.prisma.user.findUnique({ where: { id } });
  if (!user) return refused(userError(UserErrorCode.NOT_FOUND, 'There is no such account.', ['input', 'id']));
  const generated = input.password == null ? generatePassword() : null;
  const password = input.password ?? (generated as string);
  const problem = passwordProblem(password, user.email);
  if (problem) return refused(userError(UserErrorCode.INVALID, problem, ['input', 'password']));

  const passwordHash = await hashPassword(password);
  const after = await ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.user.update({ where: { id }, data: { passwordHash, version: { increment: 1 } } });
    const signedOut = await tx.authSession.updateMany({
      where: { userId: id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.loginFailure.deleteMany({ where: { email: user.email } });
    await recordAudit(tx, ctx, {
      action: 'user.passwordReset',
      entityType: 'User',
      entityId: id,
      before: { ...user, sessionsRevoked: 0 },
      after: { ...changed, sessionsRevoked: signedOut.count },
    });
    return changed;
  });
  return { user: after, generatedPassword: generated, userErrors: [] };
}
