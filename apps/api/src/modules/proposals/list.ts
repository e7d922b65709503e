import { type Proposal, ProposalStatus } from '@seminarhub/db';
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

const ProposalStatusFilter = enumFilter(ProposalStatus, 'ProposalStatus');

@InputType({ description: 'Which proposals to list; every condition given must hold.' })
export class ProposalFilter {
  @Field(() => IdFilter, { nullable: true, description: 'The seminar it came out of.' })
  seminarId?: IdFilter | null;

  @Field(() => ProposalStatusFilter, { nullable: true, description: 'Where it stands.' })
  status?: InstanceType<typeof ProposalStatusFilter> | null;

  @Field(() => StringFilter, { nullable: true, description: 'The title.' })
  title?: StringFilter | null;

  @Field(() => DateTimeFilter, { nullable: true, description: 'When it was first submitted.' })
  submittedAt?: DateTimeFilter | null;

  @Field(() => IdFilter, {
    nullable: true,
    description:
      'A person in its team. Matches only proposals whose details the viewer may read, since the team is one.',
  })
  memberId?: IdFilter | null;

  @Field(() => IdFilter, {
    nullable: true,
    description: 'The organization that would carry it out. Matches only proposals whose details the viewer may read.',
  })
  implementingOrganizationId?: IdFilter | null;

  @Field(() => [ProposalFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: ProposalFilter[] | null;

  @Field(() => [ProposalFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: ProposalFilter[] | null;

  @Field(() => ProposalFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: ProposalFilter | null;
}

/** Whether a filter looks at a proposal's details anywhere in it, AND/OR/NOT included. */
export function filtersOnDetails(filter: ProposalFilter | null | undefined): boolean {
  if (!filter) return false;
  if (filter.memberId != null || filter.implementingOrganizationId != null) return true;
  return [...(filter.AND ?? []), ...(filter.OR ?? []), ...(filter.NOT ? [filter.NOT] : [])].some(filtersOnDetails);
}

export const ProposalOrder = orderInput('Proposal', 'proposals', {
  TITLE: 'The title, A to Z.',
  STATUS: 'The status, in the order of a proposal’s life (DRAFT first).',
  CREATED_AT: 'When it was started, the newest first.',
  UPDATED_AT: 'When it last changed, the latest first.',
});

export const ProposalListArgs = listArgs(ProposalFilter, ProposalOrder, 'proposals');
export type ProposalListArgs = InstanceType<typeof ProposalListArgs>;

export const PROPOSAL_LIST: ListSpec<Proposal, ProposalFilter> = {
  filter: {
    seminarId: reference('seminarId', 'Seminar'),
    status: oneOf('status'),
    title: text('title'),
    submittedAt: range('submittedAt'),
    memberId: throughSome('members', 'personId', 'Person'),
    implementingOrganizationId: reference('implementingOrganizationId', 'Organization'),
  },
  orders: {
    TITLE: { field: 'title', kind: 'string', direction: 'asc', value: (row) => row.title },
    STATUS: {
      field: 'status',
      kind: 'enum',
      values: Object.values(ProposalStatus),
      direction: 'asc',
      value: (row) => row.status,
    },
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'desc', value: (row) => row.createdAt },
    UPDATED_AT: { field: 'updatedAt', kind: 'date', direction: 'desc', value: (row) => row.updatedAt },
  },
  defaultOrder: 'TITLE',
  search: {
    from: '"Proposal" t',
    // The title and summary are public; the problem and objectives are details, so never searched.
    document: documentOf(['t.title', 'A'], ['t.summary', 'B']),
  },
};
