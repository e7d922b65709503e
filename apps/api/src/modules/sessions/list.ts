import { type Session, SessionKind } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import {
  DateTimeFilter,
  enumFilter,
  IdFilter,
  oneOf,
  range,
  reference,
  StringFilter,
  text,
  throughSome,
} from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';

const SessionKindFilter = enumFilter(SessionKind, 'SessionKind');

@InputType({ description: 'Which agenda items to list; every condition given must hold.' })
export class SessionFilter {
  @Field(() => IdFilter, { nullable: true, description: 'The seminar.' })
  seminarId?: IdFilter | null;

  @Field(() => SessionKindFilter, { nullable: true, description: 'What kind of item it is.' })
  kind?: InstanceType<typeof SessionKindFilter> | null;

  @Field(() => StringFilter, { nullable: true, description: 'The title.' })
  title?: StringFilter | null;

  @Field(() => DateTimeFilter, { nullable: true, description: 'When it starts.' })
  startsAt?: DateTimeFilter | null;

  @Field(() => DateTimeFilter, { nullable: true, description: 'When it ends.' })
  endsAt?: DateTimeFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The place it is held at.' })
  placeId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The organization hosting it.' })
  hostOrganizationId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'A person among its speakers (a Person ID).' })
  speakerId?: IdFilter | null;

  @Field(() => IdFilter, {
    nullable: true,
    description: 'An organization one of its speakers works for: what a ministry or agency presented.',
  })
  speakerOrganizationId?: IdFilter | null;

  @Field(() => [SessionFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: SessionFilter[] | null;

  @Field(() => [SessionFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: SessionFilter[] | null;

  @Field(() => SessionFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: SessionFilter | null;
}

export const SessionOrder = orderInput('Session', 'agenda items', {
  STARTS_AT: 'When it starts, the earliest first: the agenda order.',
  TITLE: 'The title, A to Z.',
  KIND: 'The kind, in the order of SessionKind.',
  UPDATED_AT: 'When it last changed, the latest first.',
});

export const SessionListArgs = listArgs(SessionFilter, SessionOrder, 'agenda items');
export type SessionListArgs = InstanceType<typeof SessionListArgs>;

export const SESSION_LIST: ListSpec<Session, SessionFilter> = {
  filter: {
    seminarId: reference('seminarId', 'Seminar'),
    kind: oneOf('kind'),
    title: text('title'),
    startsAt: range('startsAt'),
    endsAt: range('endsAt'),
    placeId: reference('placeId', 'Place'),
    hostOrganizationId: reference('hostOrganizationId', 'Organization'),
    speakerId: throughSome('speakers', 'personId', 'Person'),
    speakerOrganizationId: (filter, path, budget) => {
      const where = reference('organizationId', 'Organization')(filter, path, budget);
      return Object.keys(where).length ? { speakers: { some: { person: { is: where } } } } : {};
    },
  },
  orders: {
    STARTS_AT: { field: 'startsAt', kind: 'date', direction: 'asc', value: (row) => row.startsAt },
    TITLE: { field: 'title', kind: 'string', direction: 'asc', value: (row) => row.title },
    KIND: {
      field: 'kind',
      kind: 'enum',
      values: Object.values(SessionKind),
      direction: 'asc',
      value: (row) => row.kind,
    },
    UPDATED_AT: { field: 'updatedAt', kind: 'date', direction: 'desc', value: (row) => row.updatedAt },
  },
  defaultOrder: 'STARTS_AT',
  search: {
    from: '"Session" t',
    // Speakers' names too: "Kim" finds the lectures Dr Kim gives.
    document: `${documentOf(['t.title', 'A'], ['t.description', 'B'])} || setweight(to_tsvector('simple', coalesce((
      SELECT string_agg(p."givenName" || ' ' || p."familyName", ' ')
      FROM "SessionSpeaker" s JOIN "Person" p ON p.id = s."personId" WHERE s."sessionId" = t.id), '')), 'B')`,
  },
};
