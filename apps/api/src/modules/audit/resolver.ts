import type { AuditEvent as AuditEventRow, Prisma } from '@seminarhub/db';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalId, fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { ConnectionArgs, paginate } from '../../core/pagination.ts';
import { User } from '../accounts/types.ts';
import { AuditEvent, AuditEventConnection, AuditEventFilter } from './types.ts';

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, the latest change first. Administrators only.' })
  auditEvents(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Which events to list.' })
    filter: AuditEventFilter | null,
    @Ctx() ctx: Context,
  ) {
    requireAdmin(ctx);
    const where: Prisma.AuditEventWhereInput = {
      ...(filter?.entityType ? { entityType: filter.entityType } : {}),
      ...(filter?.entityId ? { entityId: fromGlobalId(filter.entityId, 'filter.entityId').id } : {}),
      ...(filter?.actorId ? { actorUserId: fromGlobalIdOf('User', filter.actorId, 'filter.actorId') } : {}),
      ...(filter?.from || filter?.to
        ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
        : {}),
    };
    return paginate<AuditEventRow>({
      args,
      order: { direction: 'desc' },
      findMany: (page) => ctx.prisma.auditEvent.findMany({ ...page, where: { AND: [where, page.where] } }),
      count: () => ctx.prisma.auditEvent.count({ where }),
    });
  }

  @FieldResolver(() => ID, { description: 'The global ID of the object changed.' })
  entityId(@Root() event: AuditEvent) {
    return toGlobalId(event.entityType, event.entityId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The account that made the change; null for an API key.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return event.actorUserId ? ctx.loaders.user.load(event.actorUserId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The API key that made the change; null for a person.' })
  actorApiKeyId(@Root() event: AuditEvent) {
    return event.actorApiKey ? toGlobalId('ApiKey', event.actorApiKey) : null;
  }
}
