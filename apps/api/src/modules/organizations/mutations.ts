import type { Organization } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { requireStaff } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refuse } from '../../core/versioned.ts';
import type {
  OrganizationCreateInput,
  OrganizationDeleteInput,
  OrganizationDeletePayload,
  OrganizationPayload,
  OrganizationUpdateInput,
} from './inputs.ts';

type Fields = Partial<Omit<OrganizationCreateInput, 'parentId'>>;

function check(checks: Checks, input: Fields, creating: boolean) {
  return checks
    .text('name', input.name, { min: 1, max: 300, required: creating || input.name === null })
    .text('acronym', input.acronym, { max: 30 })
    .text('description', input.description, { max: 5000 })
    .country('countryCode', input.countryCode ?? (creating ? '' : undefined))
    .url('website', cleanText(input.website));
}

/** Parent must exist and must not make the hierarchy a cycle. */
async function checkParent(ctx: Context, checks: Checks, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === selfId) {
      checks.fail('parentId', 'An organization cannot be part of itself or of its own parts.');
      return;
    }
    const row: { parentId: string | null } | null = await ctx.prisma.organization.findUnique({
      where: { id: cursor },
      select: { parentId: true },
    });
    if (!row) {
      if (cursor === parentId) checks.fail('parentId', 'There is no such organization.', UserErrorCode.NOT_FOUND);
      return;
    }
    cursor = row.parentId;
  }
}

export async function createOrganization(ctx: Context, input: OrganizationCreateInput): Promise<OrganizationPayload> {
  requireStaff(ctx);
  const checks = check(new Checks(), input, true);
  const parentId = input.parentId ? fromGlobalIdOf('Organization', input.parentId, 'input.parentId') : null;
  await checkParent(ctx, checks, parentId);
  if (!checks.ok) return { organization: null, userErrors: checks.errors };

  const organization = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.organization.create({
      data: {
        name: input.name.trim(),
        acronym: cleanText(input.acronym) ?? null,
        type: input.type,
        countryCode: input.countryCode,
        parentId,
        website: cleanText(input.website) ?? null,
        description: cleanText(input.description) ?? null,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'organization.create',
      entityType: 'Organization',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
  return { organization, userErrors: [] };
}

export async function updateOrganization(ctx: Context, input: OrganizationUpdateInput): Promise<OrganizationPayload> {
  requireStaff(ctx);
  const id = fromGlobalIdOf('Organization', input.id, 'input.id');
  const checks = check(
    new Checks(),
    {
      ...input,
      name: input.name ?? undefined,
      type: input.type ?? undefined,
      countryCode: input.countryCode ?? undefined,
    },
    false,
  );
  if (input.name === null) checks.fail('name', 'A name is required.');
  const parentId =
    input.parentId === undefined
      ? undefined
      : input.parentId === null
        ? null
        : fromGlobalIdOf('Organization', input.parentId, 'input.parentId');
  await checkParent(ctx, checks, parentId, id);
  if (!checks.ok) return { organization: null, userErrors: checks.errors };

  const outcome = await changeVersioned<Organization, Organization>(
    ctx.prisma,
    'Organization',
    'organization',
    id,
    input.version,
    async (tx, before) => {
      const after = await tx.organization.update({
        where: { id },
        data: {
          ...(input.name != null ? { name: input.name.trim() } : {}),
          ...(input.acronym !== undefined ? { acronym: cleanText(input.acronym) ?? null } : {}),
          ...(input.type != null ? { type: input.type } : {}),
          ...(input.countryCode != null ? { countryCode: input.countryCode } : {}),
          ...(parentId !== undefined ? { parentId } : {}),
          ...(input.website !== undefined ? { website: cleanText(input.website) ?? null } : {}),
          ...(input.description !== undefined ? { description: cleanText(input.description) ?? null } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'organization.update',
        entityType: 'Organization',
        entityId: id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok
    ? { organization: outcome.result, userErrors: [] }
    : { organization: null, userErrors: outcome.errors };
}

/** Deleting would lose history when anything refers to the organization: then it is refused. */
export async function deleteOrganization(
  ctx: Context,
  input: OrganizationDeleteInput,
): Promise<OrganizationDeletePayload> {
  requireStaff(ctx);
  const id = fromGlobalIdOf('Organization', input.id, 'input.id');
  const outcome = await changeVersioned<Organization, void>(
    ctx.prisma,
    'Organization',
    'organization',
    id,
    input.version,
    async (tx, before) => {
      const uses = await tx.organization.findUniqueOrThrow({
        where: { id },
        select: {
          _count: {
            select: {
              children: true,
              people: true,
              fundedPrograms: true,
              implementedPrograms: true,
              partnerSeminars: true,
              hostedSessions: true,
              places: true,
              nominatedEnrollments: true,
              implementingProposals: true,
            },
          },
        },
      });
      const inUse = Object.entries(uses._count).filter(([, count]) => count > 0);
      if (inUse.length > 0) {
        refuse(
          userError(
            UserErrorCode.IN_USE,
            `The organization is referred to by ${inUse.map(([what, count]) => `${count} ${what}`).join(', ')}; deleting it would lose that history.`,
            ['input', 'id'],
          ),
        );
      }
      await tx.organization.delete({ where: { id } });
      await recordAudit(tx, ctx, {
        action: 'organization.delete',
        entityType: 'Organization',
        entityId: id,
        before,
        after: null,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Organization', id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
