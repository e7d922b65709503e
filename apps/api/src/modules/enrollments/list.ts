import { type Enrollment, EnrollmentRole, EnrollmentStatus } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import { DateTimeFilter, enumFilter, IdFilter, oneOf, range, reference, throughOne } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';
import { PERSON_LIST, PersonFilter } from '../people/list.ts';

const EnrollmentStatusFilter = enumFilter(EnrollmentStatus, 'EnrollmentStatus');
const EnrollmentRoleFilter = enumFilter(EnrollmentRole, 'EnrollmentRole');

@InputType({ description: 'Which enrollments to list; every condition given must hold.' })
export class EnrollmentFilter {
  @Field(() => IdFilter, { nullable: true, description: 'The seminar.' })
  seminarId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The person enrolled.' })
  personId?: IdFilter | null;

  @Field(() => IdFilter, {
    nullable: true,
    description: 'The organization that nominated the person: a ministry’s or agency’s participants.',
  })
  organizationId?: IdFilter | null;

  @Field(() => EnrollmentStatusFilter, { nullable: true, description: 'Where the enrollment stands.' })
  status?: InstanceType<typeof EnrollmentStatusFilter> | null;

  @Field(() => EnrollmentRoleFilter, { nullable: true, description: 'The part the person takes.' })
  role?: InstanceType<typeof EnrollmentRoleFilter> | null;

  @Field(() => DateTimeFilter, { nullable: true, description: 'When the person applied or was nominated.' })
  appliedAt?: DateTimeFilter | null;

  @Field(() => PersonFilter, { nullable: true, description: 'The person enrolled, by their public fields.' })
  person?: PersonFilter | null;

  @Field(() => [EnrollmentFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: EnrollmentFilter[] | null;

  @Field(() => [EnrollmentFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: EnrollmentFilter[] | null;

  @Field(() => EnrollmentFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: EnrollmentFilter | null;
}

export const EnrollmentOrder = orderInput('Enrollment', 'enrollments', {
  APPLIED_AT: 'When the person applied or was nominated, the earliest first: first come, first served.',
  STATUS: 'The status, in the order of EnrollmentStatus.',
  UPDATED_AT: 'When it last changed, the latest first.',
});

export const EnrollmentListArgs = listArgs(EnrollmentFilter, EnrollmentOrder, 'enrollments');
export type EnrollmentListArgs = InstanceType<typeof EnrollmentListArgs>;

export const ENROLLMENT_LIST: ListSpec<Enrollment, EnrollmentFilter> = {
  filter: {
    seminarId: reference('seminarId', 'Seminar'),
    personId: reference('personId', 'Person'),
    organizationId: reference('organizationId', 'Organization'),
    status: oneOf('status'),
    role: oneOf('role'),
    appliedAt: range('appliedAt'),
    person: throughOne('person', PERSON_LIST.filter),
  },
  orders: {
    APPLIED_AT: { field: 'appliedAt', kind: 'date', direction: 'asc', value: (row) => row.appliedAt },
    STATUS: {
      field: 'status',
      kind: 'enum',
      values: Object.values(EnrollmentStatus),
      direction: 'asc',
      value: (row) => row.status,
    },
    UPDATED_AT: { field: 'updatedAt', kind: 'date', direction: 'desc', value: (row) => row.updatedAt },
  },
  defaultOrder: 'APPLIED_AT',
  search: {
    from: '"Enrollment" t JOIN "Person" p ON p.id = t."personId"',
    document: documentOf(['p."givenName"', 'A'], ['p."familyName"', 'A'], ['p."jobTitle"', 'B']),
  },
};
