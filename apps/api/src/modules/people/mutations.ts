import { type Person, Prisma } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { forbidden, unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refuse } from '../../core/versioned.ts';
import type {
  PersonCreateInput,
  PersonDeleteInput,
  PersonDeletePayload,
  PersonPayload,
  PersonUpdateInput,
} from './inputs.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{5,40}$/;

function isStaff(ctx: Context): boolean {
  const { viewer } = ctx;
  return (
    viewer.kind === 'apiKey' || (viewer.kind === 'user' && (viewer.role === 'ADMIN' || viewer.role === 'COORDINATOR'))
  );
}

function check(input: PersonCreateInput | PersonUpdateInput, creating: boolean): Checks {
  const checks = new Checks()
    .text('givenName', input.givenName ?? (creating ? '' : undefined), { min: 1, max: 100, required: creating })
    .text('familyName', input.familyName ?? (creating ? '' : undefined), { min: 1, max: 100, required: creating })
    .text('jobTitle', input.jobTitle, { max: 200 })
    .text('bio', input.bio, { max: 5000 })
    .country('nationality', input.nationality)
    .integer('birthYear', input.birthYear, { min: 1900, max: new Date().getUTCFullYear() - 10 });
  if (input.givenName === null) checks.fail('givenName', 'A given name is required.');
  if (input.familyName === null) checks.fail('familyName', 'A family name is required.');
  const email = cleanText(input.email);
  if (email && (!EMAIL.test(email) || email.length > 320)) checks.fail('email', 'Give a valid email address.');
  const phone = cleanText(input.phone);
  if (phone && !PHONE.test(phone)) checks.fail('phone', 'Use digits, with +, spaces, dots, dashes or brackets.');
  return checks;
}

function fields(
  input: PersonCreateInput | PersonUpdateInput,
  organizationId: string | null | undefined,
): Prisma.PersonUncheckedUpdateInput {
  const set = <T>(value: T | null | undefined, clean: (v: T) => unknown = (v) => v) =>
    value === undefined ? undefined : value === null ? null : clean(value);
  const text = (value: string | null | undefined) => (value === undefined ? undefined : (cleanText(value) ?? null));
  return {
    ...(input.givenName != null ? { givenName: input.givenName.trim() } : {}),
    ...(input.familyName != null ? { familyName: input.familyName.trim() } : {}),
    jobTitle: text(input.jobTitle),
    bio: text(input.bio),
    email: input.email === undefined ? undefined : (cleanText(input.email)?.toLowerCase() ?? null),
    phone: text(input.phone),
    sex: input.sex === undefined ? undefined : (input.sex ?? 'UNDISCLOSED'),
    birthYear: set(input.birthYear) as number | null | undefined,
    nationality: set(input.nationality) as string | null | undefined,
    organizationId,
  };
}

const emailTaken = (error: unknown): UserError | null =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
    ? userError(UserErrorCode.CONFLICT, 'Another person has this email.', ['input', 'email'])
    : null;

async function organizationOf(ctx: Context, checks: Checks, globalId: string | null | undefined) {
  if (globalId === undefined) return undefined;
  if (globalId === null) return null;
  const id = fromGlobalIdOf('Organization', globalId, 'input.organizationId');
  if (!(await ctx.prisma.organization.findUnique({ where: { id }, select: { id: true } }))) {
    checks.fail('organizationId', 'There is no such organization.', UserErrorCode.NOT_FOUND);
  }
  return id;
}

/** Staff record people: participants, speakers, experts. */
export async function createPerson(ctx: Context, input: PersonCreateInput): Promise<PersonPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  if (!isStaff(ctx)) throw forbidden('Only administrators and coordinators record people.');
  const checks = check(input, true);
  const organizationId = await organizationOf(ctx, checks, input.organizationId);
  if (!checks.ok) return { person: null, userErrors: checks.errors };
  try {
    const person = await ctx.prisma.$transaction(async (tx) => {
      const created = await tx.person.create({
        data: {
          ...fields(input, organizationId ?? null),
          givenName: (input.givenName as string).trim(),
          familyName: (input.familyName as string).trim(),
        } as Prisma.PersonUncheckedCreateInput,
      });
      await recordAudit(tx, ctx, {
        action: 'person.create',
        entityType: 'Person',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    return { person, userErrors: [] };
  } catch (error) {
    const taken = emailTaken(error);
    if (taken) return { person: null, userErrors: [taken] };
    throw error;
  }
}

/** Staff change anyone's record; a person changes their own. */
export async function updatePerson(ctx: Context, input: PersonUpdateInput): Promise<PersonPayload> {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  const id = fromGlobalIdOf('Person', input.id, 'input.id');
  const self = viewer.kind === 'user' && viewer.personId === id;
  if (!isStaff(ctx) && !self) {
    return {
      person: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such person.', ['input', 'id'])],
    };
  }
  const checks = check(input, false);
  const organizationId = await organizationOf(ctx, checks, input.organizationId);
  if (!checks.ok) return { person: null, userErrors: checks.errors };
  try {
    const outcome = await changeVersioned<Person, Person>(
      ctx.prisma,
      'Person',
      'person',
      id,
      input.version,
      async (tx, before) => {
        const after = await tx.person.update({
          where: { id },
          data: { ...fields(input, organizationId), version: { increment: 1 } },
        });
        await recordAudit(tx, ctx, { action: 'person.update', entityType: 'Person', entityId: id, before, after });
        return after;
      },
    );
    return outcome.ok ? { person: outcome.result, userErrors: [] } : { person: null, userErrors: outcome.errors };
  } catch (error) {
    const taken = emailTaken(error);
    if (taken) return { person: null, userErrors: [taken] };
    throw error;
  }
}

/** What a person's record is part of, in words, for the IN_USE message. */
const USES = {
  speakerRoles: 'speaker role(s)',
  enrollments: 'enrollment(s)',
  proposalMembers: 'proposal team place(s)',
  reviews: 'review(s)',
  reviewAssignments: 'review assignment(s)',
} as const;

/**
 * Staff delete a person recorded by mistake. Anyone who spoke, enrolled, was on a proposal team,
 * reviewed, was assigned to review, or has an account is part of the history, and stays.
 */
export async function deletePerson(ctx: Context, input: PersonDeleteInput): Promise<PersonDeletePayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  if (!isStaff(ctx)) throw forbidden('Only administrators and coordinators delete people.');
  const id = fromGlobalIdOf('Person', input.id, 'input.id');
  const outcome = await changeVersioned<Person, void>(
    ctx.prisma,
    'Person',
    'person',
    id,
    input.version,
    async (tx, before) => {
      const uses = await tx.person.findUniqueOrThrow({
        where: { id },
        select: {
          _count: {
            select: Object.fromEntries(Object.keys(USES).map((key) => [key, true])) as Record<keyof typeof USES, true>,
          },
          user: { select: { id: true } },
        },
      });
      const inUse = (Object.keys(USES) as (keyof typeof USES)[])
        .filter((key) => uses._count[key] > 0)
        .map((key) => `${uses._count[key]} ${USES[key]}`);
      if (uses.user) inUse.push('a user account');
      if (inUse.length > 0) {
        refuse(
          userError(
            UserErrorCode.IN_USE,
            `The person has ${inUse.join(', ')}; deleting them would lose that history.`,
            ['input', 'id'],
          ),
        );
      }
      await tx.person.delete({ where: { id } });
      await recordAudit(tx, ctx, { action: 'person.delete', entityType: 'Person', entityId: id, before, after: null });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Person', id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
