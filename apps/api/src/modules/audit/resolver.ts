import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { listConnection } from '../../core/lists/lists.ts';
import { toGlobalId } from '../../core/node-id.ts';
import { User } from '../accounts/types.ts';
import { AUDIT_EVENT_LIST, AuditEventListArgs } from './list.ts';
import { entityTitle } from './titles.ts';
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

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "What the object changed is called, for people to read: a seminar's or proposal's title, a person's or organization's name, an enrollment's person and seminar, a user's email. As it is now; for a deleted object, as it was. Feedback is named by what it is about, never by who gave it. Null when the object has no name.",
  })
  entityTitle(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return entityTitle(ctx, event);
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
