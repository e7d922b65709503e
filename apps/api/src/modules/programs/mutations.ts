import { Prisma, type Program } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { forbidden, unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refuse } from '../../core/versioned.ts';
import { requireManagerRole } from '../seminars/mutations.ts';
import type {
  ProgramCreateInput,
  ProgramDeleteInput,
  ProgramDeletePayload,
  ProgramPayload,
  ProgramUpdateInput,
} from './inputs.ts';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,29}$/;

/**
 * Programmes are set up and removed by administrators, and by READ_WRITE keys, which make the
 * domain writes an administrator would.
 */
function requireProgramAdministrator(ctx: Context): void {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (viewer.kind === 'user' && viewer.role !== 'ADMIN') {
    throw forbidden('Only administrators set up and remove programmes.');
  }
}

/** A programme is managed by administrators, READ_WRITE keys, and the coordinators assigned to it. */
export async function mayManageProgram(ctx: Context, programId: string): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind === 'apiKey' || (viewer.kind === 'user' && viewer.role === 'ADMIN')) return true;
  return (await ctx.scope()).coordinatedProgramIds.includes(programId);
}

const notFound = (field: string, noun: string): UserError =>
  userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', field]);

const codeTaken = (): UserError =>
  userError(UserErrorCode.CONFLICT, 'Another programme has this code.', ['input', 'code']);

function checkFields(input: Partial<Omit<ProgramCreateInput, 'funderId' | 'implementerId'>>, creating: boolean) {
  const checks = new Checks()
    .text('title', input.title, { min: 1, max: 300, required: creating })
    .text('description', input.description, { max: 10_000 })
    .text('sector', input.sector, { max: 200 });
  const code = input.code?.trim();
  if (creating && input.code == null) checks.fail('code', 'This is required.');
  else if (code !== undefined && !CODE.test(code)) {
    checks.fail(
      'code',
      'Use 2 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit ("KOICA-CIAT").',
    );
  }
  return checks;
}

/** Decodes an organization ID and checks that it exists; undefined when left out. */
async function organizationId(
  ctx: Context,
  checks: Checks,
  field: 'funderId' | 'implementerId',
  globalId: string | null | undefined,
): Promise<string | undefined> {
  if (globalId === undefined) return undefined;
  if (globalId === null) {
    checks.fail(field, 'A programme must have one; this cannot be cleared.');
    return undefined;
  }
  const id = fromGlobalIdOf('Organization', globalId, `input.${field}`);
  if (!(await ctx.prisma.organization.findUnique({ where: { id }, select: { id: true } }))) {
    checks.errors.push(notFound(field, 'organization'));
  }
  return id;
}

async function checkCodeFree(ctx: Context, checks: Checks, code: string | null | undefined, selfId?: string) {
  if (code == null || !checks.ok) return;
  const other = await ctx.prisma.program.findUnique({ where: { code: code.trim() }, select: { id: true } });
  if (other && other.id !== selfId) checks.errors.push(codeTaken());
}

const isCodeTaken = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export async function createProgram(ctx: Context, input: ProgramCreateInput): Promise<ProgramPayload> {
  requireProgramAdministrator(ctx);
  const checks = checkFields(input, true);
  const funderId = await organizationId(ctx, checks, 'funderId', input.funderId);
  const implementerId = await organizationId(ctx, checks, 'implementerId', input.implementerId);
  await checkCodeFree(ctx, checks, input.code);
  if (!checks.ok || !funderId || !implementerId) return { program: null, userErrors: checks.errors };
  try {
    const program = await ctx.prisma.$transaction(async (tx) => {
      const created = await tx.program.create({
        data: {
          code: input.code.trim(),
          title: input.title.trim(),
          description: cleanText(input.description) ?? null,
          sector: cleanText(input.sector) ?? null,
          funderId,
          implementerId,
        },
      });
      await recordAudit(tx, ctx, {
        action: 'program.create',
        entityType: 'Program',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    return { program, userErrors: [] };
  } catch (error) {
    // Two programmes created with one code at once: the unique index lets one through.
    if (isCodeTaken(error)) return { program: null, userErrors: [codeTaken()] };
    throw error;
  }
}

export async function updateProgram(ctx: Context, input: ProgramUpdateInput): Promise<ProgramPayload> {
  requireManagerRole(ctx);
  const id = fromGlobalIdOf('Program', input.id, 'input.id');
  if (!(await mayManageProgram(ctx, id))) return { program: null, userErrors: [notFound('id', 'programme')] };
  const checks = checkFields({ ...input, code: input.code ?? undefined, title: input.title ?? undefined }, false);
  if (input.code === null) checks.fail('code', 'A code is required.');
  if (input.title === null) checks.fail('title', 'A title is required.');
  const funderId = await organizationId(ctx, checks, 'funderId', input.funderId);
  const implementerId = await organizationId(ctx, checks, 'implementerId', input.implementerId);
  await checkCodeFree(ctx, checks, input.code, id);
  if (!checks.ok) return { program: null, userErrors: checks.errors };

  try {
    const outcome = await changeVersioned<Program, Program>(
      ctx.prisma,
      'Program',
      'programme',
      id,
      input.version,
      async (tx, before) => {
        const after = await tx.program.update({
          where: { id },
          data: {
            ...(input.code != null ? { code: input.code.trim() } : {}),
            ...(input.title != null ? { title: input.title.trim() } : {}),
            ...(input.description !== undefined ? { description: cleanText(input.description) ?? null } : {}),
            ...(input.sector !== undefined ? { sector: cleanText(input.sector) ?? null } : {}),
            ...(funderId ? { funderId } : {}),
            ...(implementerId ? { implementerId } : {}),
            version: { increment: 1 },
          },
        });
        await recordAudit(tx, ctx, { action: 'program.update', entityType: 'Program', entityId: id, before, after });
        return after;
      },
    );
    return outcome.ok ? { program: outcome.result, userErrors: [] } : { program: null, userErrors: outcome.errors };
  } catch (error) {
    if (isCodeTaken(error)) return { program: null, userErrors: [codeTaken()] };
    throw error;
  }
}

/**
 * Seminars are the programme's history: while it has any, it is not deleted. Its review criteria
 * and coordinator assignments go with it (no review can score a criterion of a programme without
 * seminars); the audit event keeps the criteria.
 */
export async function deleteProgram(ctx: Context, input: ProgramDeleteInput): Promise<ProgramDeletePayload> {
  requireProgramAdministrator(ctx);
  const id = fromGlobalIdOf('Program', input.id, 'input.id');
  const outcome = await changeVersioned<Program, void>(
    ctx.prisma,
    'Program',
    'programme',
    id,
    input.version,
    async (tx, before) => {
      const seminars = await tx.seminar.count({ where: { programId: id } });
      if (seminars > 0) {
        refuse(
          userError(UserErrorCode.IN_USE, `The programme has ${seminars} seminar(s); deleting it would lose them.`, [
            'input',
            'id',
          ]),
        );
      }
      const reviewCriteria = await tx.reviewCriterion.findMany({
        where: { programId: id },
        orderBy: { position: 'asc' },
      });
      await tx.program.delete({ where: { id } });
      await recordAudit(tx, ctx, {
        action: 'program.delete',
        entityType: 'Program',
        entityId: id,
        before: { ...before, reviewCriteria },
        after: null,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Program', id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
