import { type Place, PlaceKind } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import { enumFilter, IdFilter, oneOf, reference, StringFilter, text } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';

const PlaceKindFilter = enumFilter(PlaceKind, 'PlaceKind');

@InputType({ description: 'Which places to list; every condition given must hold.' })
export class PlaceFilter {
  @Field(() => StringFilter, { nullable: true, description: 'The name.' })
  name?: StringFilter | null;

  @Field(() => PlaceKindFilter, { nullable: true, description: 'What kind of place it is.' })
  kind?: InstanceType<typeof PlaceKindFilter> | null;

  @Field(() => StringFilter, { nullable: true, description: 'The city.' })
  city?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'The country, ISO 3166-1 alpha-2 ("KR").' })
  countryCode?: StringFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The organization hosting it.' })
  hostOrganizationId?: IdFilter | null;

  @Field(() => [PlaceFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: PlaceFilter[] | null;

  @Field(() => [PlaceFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: PlaceFilter[] | null;

  @Field(() => PlaceFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: PlaceFilter | null;
}

export const PlaceOrder = orderInput('Place', 'places', {
  NAME: 'The name, A to Z.',
  CREATED_AT: 'When it was recorded, the newest first.',
});

export const PlaceListArgs = listArgs(PlaceFilter, PlaceOrder, 'places');
export type PlaceListArgs = InstanceType<typeof PlaceListArgs>;

export const PLACE_LIST: ListSpec<Place, PlaceFilter> = {
  filter: {
    name: text('name'),
    kind: oneOf('kind'),
    city: text('city'),
    countryCode: text('countryCode'),
    hostOrganizationId: reference('hostOrganizationId', 'Organization'),
  },
  orders: {
    NAME: { field: 'name', kind: 'string', direction: 'asc', value: (row) => row.name },
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'desc', value: (row) => row.createdAt },
  },
  defaultOrder: 'NAME',
  search: {
    from: '"Place" t',
    document: documentOf(['t.name', 'A'], ['t.city', 'B'], ['t.address', 'C']),
  },
};
