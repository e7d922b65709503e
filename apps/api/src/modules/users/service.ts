import { randomBytes } from 'node:crypto';
import { Prisma } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { requireAdmin } from '../../core/auth/guards.ts';
import { hashPassword, passwordProblem } from '../../core/auth/passwords.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { normalizeEmail } from '../accounts/service.ts';
import type {
  CoordinatorAssignmentsSetInput,
  CoordinatorAssignmentsSetPayload,
  UserCreateInput,
  UserCreatePayload,
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
  const generated = input.password ? null : randomBytes(18).toString('base64url');
  const password = input.password ?? (generated as string);
  const problem = passwordProblem(password, email);
  if (problem) errors.push(userError(UserErrorCode.INVALID, problem, ['input', 'password']));
  const personId = input.personId ? fromGlobalIdOf('Person', input.personId, 'input.personId') : null;
  if (personId && !(await ctx.prisma.person.findUnique({ where: { id: personId }, select: { id: true } }))) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'There is no such person.', ['input', 'personId']));
  }
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
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const field = String(error.meta?.target ?? '').includes('person') ? 'personId' : 'email';
      return {
        user: null,
        generatedPassword: null,
        userErrors: [
          userError(
            UserErrorCode.CONFLICT,
            field === 'email' ? 'An account with this email exists.' : 'This person already has an account.',
            ['input', field],
          ),
        ],
      };
    }
    throw error;
  }
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
