import type { Place } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { requireStaff } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refuse } from '../../core/versioned.ts';
import type {
  PlaceCreateInput,
  PlaceDeleteInput,
  PlaceDeletePayload,
  PlacePayload,
  PlaceUpdateInput,
} from './inputs.ts';

type Fields = Partial<Omit<PlaceCreateInput, 'hostOrganizationId'>>;

function check(input: Fields, creating: boolean): Checks {
  const checks = new Checks()
    .text('name', input.name, { min: 1, max: 300, required: creating })
    .text('address', input.address, { max: 500 })
    .text('city', input.city, { max: 200 })
    .country('countryCode', input.countryCode ?? (creating ? '' : undefined));
  return checks;
}

/** The host organization, which must exist: undefined when left out, null when cleared. */
async function hostOf(ctx: Context, checks: Checks, globalId: string | null | undefined) {
  if (globalId == null) return globalId;
  const id = fromGlobalIdOf('Organization', globalId, 'input.hostOrganizationId');
  if (!(await ctx.prisma.organization.findUnique({ where: { id }, select: { id: true } }))) {
    checks.fail('hostOrganizationId', 'There is no such organization.', UserErrorCode.NOT_FOUND);
  }
  return id;
}

/** Staff record the venues, sites and hotels of their seminars. */
export async function createPlace(ctx: Context, input: PlaceCreateInput): Promise<PlacePayload> {
  requireStaff(ctx);
  const checks = check(input, true);
  const hostOrganizationId = await hostOf(ctx, checks, input.hostOrganizationId);
  if (!checks.ok) return { place: null, userErrors: checks.errors };
  const place = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.place.create({
      data: {
        name: input.name.trim(),
        kind: input.kind ?? 'VENUE',
        address: cleanText(input.address) ?? null,
        city: cleanText(input.city) ?? null,
        countryCode: input.countryCode,
        hostOrganizationId: hostOrganizationId ?? null,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'place.create',
      entityType: 'Place',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
  return { place, userErrors: [] };
}

export async function updatePlace(ctx: Context, input: PlaceUpdateInput): Promise<PlacePayload> {
  requireStaff(ctx);
  const id = fromGlobalIdOf('Place', input.id, 'input.id');
  const checks = check({ ...input, name: input.name ?? undefined, countryCode: input.countryCode ?? undefined }, false);
  if (input.name === null) checks.fail('name', 'A name is required.');
  if (input.countryCode === null) checks.fail('countryCode', 'This cannot be cleared.');
  const hostOrganizationId = await hostOf(ctx, checks, input.hostOrganizationId);
  if (!checks.ok) return { place: null, userErrors: checks.errors };

  const outcome = await changeVersioned<Place, Place>(
    ctx.prisma,
    'Place',
    'place',
    id,
    input.version,
    async (tx, before) => {
      const after = await tx.place.update({
        where: { id },
        data: {
          ...(input.name != null ? { name: input.name.trim() } : {}),
          ...(input.kind != null ? { kind: input.kind } : {}),
          ...(input.address !== undefined ? { address: cleanText(input.address) ?? null } : {}),
          ...(input.city !== undefined ? { city: cleanText(input.city) ?? null } : {}),
          ...(input.countryCode != null ? { countryCode: input.countryCode } : {}),
          ...(hostOrganizationId !== undefined ? { hostOrganizationId } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, { action: 'place.update', entityType: 'Place', entityId: id, before, after });
      return after;
    },
  );
  return outcome.ok ? { place: outcome.result, userErrors: [] } : { place: null, userErrors: outcome.errors };
}

/** Sessions held at a place are history: while any is, the place is not deleted. */
export async function deletePlace(ctx: Context, input: PlaceDeleteInput): Promise<PlaceDeletePayload> {
  requireStaff(ctx);
  const id = fromGlobalIdOf('Place', input.id, 'input.id');
  const outcome = await changeVersioned<Place, void>(
    ctx.prisma,
    'Place',
    'place',
    id,
    input.version,
    async (tx, before) => {
      const sessions = await tx.session.count({ where: { placeId: id } });
      if (sessions > 0) {
        refuse(
          userError(
            UserErrorCode.IN_USE,
            `${sessions} session(s) are held at the place; deleting it would lose where they took place.`,
            ['input', 'id'],
          ),
        );
      }
      await tx.place.delete({ where: { id } });
      await recordAudit(tx, ctx, { action: 'place.delete', entityType: 'Place', entityId: id, before, after: null });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Place', id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
