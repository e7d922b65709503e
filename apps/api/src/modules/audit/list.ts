import type { AuditEvent } from '@seminarhub/db';
import { Field, ID, InputType } from 'type-graphql';
import { StringFilter, text } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';
import { fromGlobalId, fromGlobalIdOf } from '../../core/node-id.ts';
import { DateTime } from '../../core/scalars.ts';

@InputType({ description: 'Which audit events to list; every condition given must hold.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Only changes to objects of this type ("Seminar").' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes to this object (its global ID).' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes made by this account (a User ID).' })
  actorId?: string | null;

  @Field(() => StringFilter, { nullable: true, description: 'The action ("seminar.publish").' })
  action?: StringFilter | null;

  @Field(() => DateTime, { nullable: true, description: 'Only changes at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Only changes before this instant.' })
  to?: Date | null;

  @Field(() => [AuditEventFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: AuditEventFilter[] | null;

  @Field(() => [AuditEventFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: AuditEventFilter[] | null;

  @Field(() => AuditEventFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: AuditEventFilter | null;
}

export const AuditEventOrder = orderInput('AuditEvent', 'audit events', {
  AT: 'When the change was made, the latest first.',
  ACTION: 'The action, A to Z.',
});

export const AuditEventListArgs = listArgs(AuditEventFilter, AuditEventOrder, 'audit events');
export type AuditEventListArgs = InstanceType<typeof AuditEventListArgs>;

export const AUDIT_EVENT_LIST: ListSpec<AuditEvent, AuditEventFilter> = {
  filter: {
    entityType: (entityType) => ({ entityType }),
    entityId: (entityId, path) => ({ entityId: fromGlobalId(entityId, path).id }),
    actorId: (actorId, path) => ({ actorUserId: fromGlobalIdOf('User', actorId, path) }),
    action: text('action'),
    from: (from) => ({ at: { gte: from } }),
    to: (to) => ({ at: { lt: to } }),
  },
  orders: {
    AT: { field: 'at', kind: 'date', direction: 'desc', value: (row) => row.at },
    ACTION: { field: 'action', kind: 'string', direction: 'asc', value: (row) => row.action },
  },
  defaultOrder: 'AT',
  search: {
    // The values changed too: "karimov" finds every change that wrote or removed that name.
    from: '"AuditEvent" t',
    document: documentOf(
      [`replace(t.action, '.', ' ')`, 'A'],
      ['t."entityType"', 'A'],
      ['t.after::text', 'B'],
      ['t.before::text', 'C'],
    ),
  },
};
