import { type Organization, OrganizationType } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import { enumFilter, IdFilter, oneOf, reference, StringFilter, text } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';

const OrganizationTypeFilter = enumFilter(OrganizationType, 'OrganizationType');

@InputType({ description: 'Which organizations to list; every condition given must hold.' })
export class OrganizationFilter {
  @Field(() => StringFilter, { nullable: true, description: 'The full name.' })
  name?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'The acronym.' })
  acronym?: StringFilter | null;

  @Field(() => OrganizationTypeFilter, { nullable: true, description: 'What kind of body it is.' })
  type?: InstanceType<typeof OrganizationTypeFilter> | null;

  @Field(() => StringFilter, { nullable: true, description: 'The country, ISO 3166-1 alpha-2 ("UZ").' })
  countryCode?: StringFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The organization it is part of.' })
  parentId?: IdFilter | null;

  @Field(() => [OrganizationFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: OrganizationFilter[] | null;

  @Field(() => [OrganizationFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: OrganizationFilter[] | null;

  @Field(() => OrganizationFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: OrganizationFilter | null;
}

export const OrganizationOrder = orderInput('Organization', 'organizations', {
  NAME: 'The full name, A to Z.',
  TYPE: 'The kind of body, in the order of OrganizationType.',
  COUNTRY: 'The country code, A to Z.',
  CREATED_AT: 'When it was recorded, the newest first.',
  UPDATED_AT: 'When it last changed, the latest first.',
});

export const OrganizationListArgs = listArgs(OrganizationFilter, OrganizationOrder, 'organizations');
export type OrganizationListArgs = InstanceType<typeof OrganizationListArgs>;

/** The filter's fields, also used through relations (people of ministries). */
export const ORGANIZATION_FILTER = {
  name: text('name'),
  acronym: text('acronym'),
  type: oneOf('type'),
  countryCode: text('countryCode'),
  parentId: reference('parentId', 'Organization'),
};

export const ORGANIZATION_LIST: ListSpec<Organization, OrganizationFilter> = {
  filter: ORGANIZATION_FILTER,
  orders: {
    NAME: { field: 'name', kind: 'string', direction: 'asc', value: (row) => row.name },
    TYPE: {
      field: 'type',
      kind: 'enum',
      values: Object.values(OrganizationType),
      direction: 'asc',
      value: (row) => row.type,
    },
    COUNTRY: { field: 'countryCode', kind: 'string', direction: 'asc', value: (row) => row.countryCode },
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'desc', value: (row) => row.createdAt },
    UPDATED_AT: { field: 'updatedAt', kind: 'date', direction: 'desc', value: (row) => row.updatedAt },
  },
  defaultOrder: 'NAME',
  search: {
    from: '"Organization" t',
    document: documentOf(['t.name', 'A'], ['t.acronym', 'A'], ['t.description', 'B']),
  },
};
