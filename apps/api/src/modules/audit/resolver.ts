import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { listConnection } from '../../core/lists/lists.ts';
import { toGlobalId } from '../../core/node-id.ts';
import { User } from '../accounts/types.ts';
import { AUDIT_EVENT_LIST, AuditEventListArgs } from './list.ts';
import { AuditEvent, AuditEventConnection } from './types.ts';

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, the latest change first. Administrators only.' })
  auditEvents(@Args(() => AuditEventListArgs) args: AuditEventListArgs, @Ctx() ctx: Context) {
    requireAdmin(ctx);
    return listConnection(ctx, AUDIT_EVENT_LIST, args, {
      findMany: (query) => ctx.prisma.auditEvent.findMany(query),
      count: (where) => ctx.prisma.auditEvent.count({ where }),
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
