import type { Person } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import { IdFilter, reference, StringFilter, text, throughOne } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';
import { ORGANIZATION_FILTER, OrganizationFilter } from '../organizations/list.ts';

/** Only public fields can be filtered on: a filter on a personal detail would reveal it. */
@InputType({ description: 'Which people to list; every condition given must hold.' })
export class PersonFilter {
  @Field(() => StringFilter, { nullable: true, description: 'Given name(s).' })
  givenName?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'Family name.' })
  familyName?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'Job title.' })
  jobTitle?: StringFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The organization they work for.' })
  organizationId?: IdFilter | null;

  @Field(() => OrganizationFilter, {
    nullable: true,
    description: 'The organization they work for, by its own fields (people of ministries in UZ).',
  })
  organization?: OrganizationFilter | null;

  @Field(() => [PersonFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: PersonFilter[] | null;

  @Field(() => [PersonFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: PersonFilter[] | null;

  @Field(() => PersonFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: PersonFilter | null;
}

export const PersonOrder = orderInput('Person', 'people', {
  FAMILY_NAME: 'Family name, A to Z.',
  GIVEN_NAME: 'Given name, A to Z.',
  CREATED_AT: 'When they were recorded, the newest first.',
  UPDATED_AT: 'When their record last changed, the latest first.',
});

export const PersonListArgs = listArgs(PersonFilter, PersonOrder, 'people');
export type PersonListArgs = InstanceType<typeof PersonListArgs>;

export const PERSON_LIST: ListSpec<Person, PersonFilter> = {
  filter: {
    givenName: text('givenName'),
    familyName: text('familyName'),
    jobTitle: text('jobTitle'),
    organizationId: reference('organizationId', 'Organization'),
    organization: throughOne('organization', ORGANIZATION_FILTER),
  },
  orders: {
    FAMILY_NAME: { field: 'familyName', kind: 'string', direction: 'asc', value: (row) => row.familyName },
    GIVEN_NAME: { field: 'givenName', kind: 'string', direction: 'asc', value: (row) => row.givenName },
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'desc', value: (row) => row.createdAt },
    UPDATED_AT: { field: 'updatedAt', kind: 'date', direction: 'desc', value: (row) => row.updatedAt },
  },
  defaultOrder: 'FAMILY_NAME',
  search: {
    from: '"Person" t',
    // Public fields only, for the same reason as the filter.
    document: documentOf(['t."givenName"', 'A'], ['t."familyName"', 'A'], ['t."jobTitle"', 'B'], ['t.bio', 'C']),
  },
};
