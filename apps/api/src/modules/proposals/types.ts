import {
  ProposalDecisionKind as ProposalDecisionKindEnum,
  type ProposalDecision as ProposalDecisionRow,
  ProposalMemberRole as ProposalMemberRoleEnum,
  type ProposalMember as ProposalMemberRow,
  type Proposal as ProposalRow,
  ProposalStatus as ProposalStatusEnum,
  SupportType as SupportTypeEnum,
} from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

registerEnumType(ProposalStatusEnum, {
  name: 'ProposalStatus',
  description:
    'Where a proposal stands: DRAFT, SUBMITTED, UNDER_REVIEW, then REVISION_REQUESTED, COMMENDED, SELECTED_FOR_SUPPORT or DECLINED; a selected one goes on to IN_IMPLEMENTATION and COMPLETED.',
  valuesConfig: {
    DRAFT: { description: 'Being written by its team.' },
    SUBMITTED: { description: 'Handed in for review.' },
    UNDER_REVIEW: { description: 'Being reviewed by experts.' },
    REVISION_REQUESTED: { description: 'Sent back to the team for changes.' },
    COMMENDED: { description: 'Commended by the experts, without support.' },
    SELECTED_FOR_SUPPORT: { description: 'Chosen for support by the agency.' },
    DECLINED: { description: 'Not taken further.' },
    IN_IMPLEMENTATION: { description: 'Being carried out at home; followed with milestones and progress reports.' },
    COMPLETED: { description: 'Carried out.' },
  },
});

registerEnumType(ProposalMemberRoleEnum, {
  name: 'ProposalMemberRole',
  description: 'The part a person plays in a proposal team.',
  valuesConfig: { LEAD: { description: 'Leads the team.' }, MEMBER: { description: 'A team member.' } },
});

registerEnumType(ProposalDecisionKindEnum, {
  name: 'ProposalDecisionKind',
  description: 'A decision taken on a proposal after review.',
  valuesConfig: {
    COMMENDATION: { description: 'The experts commended it.' },
    SELECTED_FOR_SUPPORT: { description: 'The agency chose to support it.' },
    DECLINED: { description: 'It is not taken further.' },
  },
});

registerEnumType(SupportTypeEnum, {
  name: 'SupportType',
  description: 'The kind of support offered to a selected proposal.',
  valuesConfig: {
    PILOT: { description: 'Funding for a pilot.' },
    FOLLOW_UP_PROJECT: { description: 'A follow-up project of the agency.' },
    IN_DEPTH_TRAINING: { description: 'Further, deeper training.' },
    EXPERT_DISPATCH: { description: 'Experts sent to help carry it out.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    'A project proposal (action plan) written by a team of participants during a seminar, for implementation at home.',
})
export class Proposal extends Node implements Partial<ProposalRow> {
  @Field(() => String, { description: 'Title of the proposal.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the proposal would do, in a paragraph.' })
  summary!: string | null;

  @Field(() => ProposalStatusEnum, { description: 'Where the proposal stands.' })
  status!: ProposalStatusEnum;

  @Field(() => DateTime, { nullable: true, description: 'When it was handed in for review.' })
  submittedAt!: Date | null;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When the proposal was started.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  problem!: string | null;
  objectives!: string | null;
  seminarId!: string;
  implementingOrganizationId!: string | null;
}

@ObjectType({ description: 'A member of a proposal team.' })
export class ProposalMember implements Partial<ProposalMemberRow> {
  @Field(() => ProposalMemberRoleEnum, { description: 'Lead or member.' })
  role!: ProposalMemberRoleEnum;

  personId!: string;
}

@ObjectType({ description: 'A decision taken on a proposal: commended, selected for support, or declined.' })
export class ProposalDecision implements Partial<ProposalDecisionRow> {
  @Field(() => ProposalDecisionKindEnum, { description: 'What was decided.' })
  kind!: ProposalDecisionKindEnum;

  @Field(() => SupportTypeEnum, { nullable: true, description: 'The support offered, when selected for support.' })
  supportType!: SupportTypeEnum | null;

  @Field(() => String, { nullable: true, description: 'Why, or on what terms.' })
  note!: string | null;

  @Field(() => DateTime, { description: 'When it was decided.' })
  decidedAt!: Date;
}

export const ProposalConnection = connectionType(Proposal, 'Proposal', 'proposals');
