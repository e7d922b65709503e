import type { AuditEvent as AuditEventRow } from '@seminarhub/db';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

@ObjectType({
  description: 'One change made through the API: who, what, when, and the changed fields before and after.',
})
export class AuditEvent implements Partial<AuditEventRow> {
  @Field(() => ID, { description: 'Opaque ID of the event.' })
  id!: string;

  @Field(() => String, {
    description: 'What was done, as `<entity>.<verb>` ("organization.update", "seminar.publish").',
  })
  action!: string;

  @Field(() => String, { description: 'The type of the object changed ("Organization").' })
  entityType!: string;

  @Field(() => DateTime, { description: 'When the change was committed.' })
  at!: Date;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed fields as they were; null for a creation.' })
  before!: AuditEventRow['before'];

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed fields as they became; null for a deletion.' })
  after!: AuditEventRow['after'];

  @Field(() => String, { nullable: true, description: 'The request that made the change, as in the server log.' })
  requestId!: string | null;

  entityId!: string;
  actorUserId!: string | null;
  actorApiKey!: string | null;
}

export const AuditEventConnection = connectionType(AuditEvent, 'AuditEvent', 'audit events, the latest first');
