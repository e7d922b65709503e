import { DeliveryMode, type Seminar, SeminarStatus } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import {
  DateFilter,
  enumFilter,
  IdFilter,
  oneOf,
  range,
  reference,
  StringFilter,
  text,
} from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';

const SeminarStatusFilter = enumFilter(SeminarStatus, 'SeminarStatus');
const DeliveryModeFilter = enumFilter(DeliveryMode, 'DeliveryMode');

@InputType({ description: 'Which seminars to list; every condition given must hold.' })
export class SeminarFilter {
  @Field(() => StringFilter, { nullable: true, description: 'The title.' })
  title?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'The short code ("CIAT-2025").' })
  code?: StringFilter | null;

  @Field(() => SeminarStatusFilter, { nullable: true, description: 'Where the seminar is in its life.' })
  status?: InstanceType<typeof SeminarStatusFilter> | null;

  @Field(() => DeliveryModeFilter, { nullable: true, description: 'In person, online or both.' })
  deliveryMode?: InstanceType<typeof DeliveryModeFilter> | null;

  @Field(() => IdFilter, { nullable: true, description: 'The programme it belongs to.' })
  programId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The partner organization it is held with.' })
  partnerId?: IdFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'The host country, ISO 3166-1 alpha-2 ("KR").' })
  countryCode?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'The host city.' })
  city?: StringFilter | null;

  @Field(() => DateFilter, { nullable: true, description: 'The first day.' })
  startDate?: DateFilter | null;

  @Field(() => DateFilter, { nullable: true, description: 'The last day.' })
  endDate?: DateFilter | null;

  @Field(() => [SeminarFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: SeminarFilter[] | null;

  @Field(() => [SeminarFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: SeminarFilter[] | null;

  @Field(() => SeminarFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: SeminarFilter | null;
}

export const SeminarOrder = orderInput('Seminar', 'seminars', {
  START_DATE: 'The first day; the latest first unless ASC is asked for.',
  END_DATE: 'The last day; the latest first unless ASC is asked for.',
  TITLE: 'The title, A to Z.',
  STATUS: 'The status, in the order of a seminar’s life (DRAFT first).',
  CREATED_AT: 'When it was recorded, the newest first.',
  UPDATED_AT: 'When it last changed, the latest first.',
});

export const SeminarListArgs = listArgs(SeminarFilter, SeminarOrder, 'seminars');
export type SeminarListArgs = InstanceType<typeof SeminarListArgs>;

export const SEMINAR_LIST: ListSpec<Seminar, SeminarFilter> = {
  filter: {
    title: text('title'),
    code: text('code'),
    status: oneOf('status'),
    deliveryMode: oneOf('deliveryMode'),
    programId: reference('programId', 'Program'),
    partnerId: reference('partnerId', 'Organization'),
    countryCode: text('countryCode'),
    city: text('city'),
    startDate: range('startDate'),
    endDate: range('endDate'),
  },
  orders: {
    START_DATE: { field: 'startDate', kind: 'date', direction: 'desc', value: (row) => row.startDate },
    END_DATE: { field: 'endDate', kind: 'date', direction: 'desc', value: (row) => row.endDate },
    TITLE: { field: 'title', kind: 'string', direction: 'asc', value: (row) => row.title },
    STATUS: {
      field: 'status',
      kind: 'enum',
      values: Object.values(SeminarStatus),
      direction: 'asc',
      value: (row) => row.status,
    },
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'desc', value: (row) => row.createdAt },
    UPDATED_AT: { field: 'updatedAt', kind: 'date', direction: 'desc', value: (row) => row.updatedAt },
  },
  defaultOrder: 'START_DATE',
  search: {
    from: '"Seminar" t',
    document: documentOf(['t.title', 'A'], ['t.code', 'A'], ['t.description', 'B'], ['t.venue', 'C'], ['t.city', 'C']),
  },
};
