import { ProposalMemberRole as ProposalMemberRoleEnum, SupportType as SupportTypeEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Proposal } from './types.ts';

@InputType({ description: 'A new proposal, started as DRAFT by its team.' })
export class ProposalCreateInput {
  @Field(() => ID, { description: 'The seminar it is written in.' })
  seminarId!: string;

  @Field(() => String, { description: 'Title, 1 to 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it would do, up to 2,000 characters.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The problem it addresses, up to 10,000 characters.' })
  problem?: string | null;

  @Field(() => String, { nullable: true, description: 'What it aims to achieve, up to 10,000 characters.' })
  objectives?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization that would carry it out.' })
  implementingOrganizationId?: string | null;

  @Field(() => [ID], {
    description: 'The team, lead first: people enrolled in the seminar, 1 to 10. A participant must include themself.',
  })
  memberIds!: string[];
}

@InputType({ description: 'Changes to a proposal while its team may still edit it (DRAFT or REVISION_REQUESTED).' })
export class ProposalUpdateInput {
  @Field(() => ID, { description: 'The proposal’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Title, 1 to 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'What it would do; null clears it.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The problem it addresses; null clears it.' })
  problem?: string | null;

  @Field(() => String, { nullable: true, description: 'What it aims to achieve; null clears it.' })
  objectives?: string | null;
}

@InputType({ description: 'The proposal to move to its next status, with the decision’s terms where it records one.' })
export class ProposalTransitionInput {
  @Field(() => ID, { description: 'The proposal’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why, or on what terms; kept with the decision. Up to 2,000 characters.',
  })
  note?: string | null;

  @Field(() => SupportTypeEnum, { nullable: true, description: 'The support offered, when selecting for support.' })
  supportType?: SupportTypeEnum | null;
}

@InputType({
  description: 'A change to a proposal team while the team may still edit it (DRAFT or REVISION_REQUESTED).',
})
export class ProposalMemberInput {
  @Field(() => ID, { description: 'The proposal’s ID.' })
  proposalId!: string;

  @Field(() => Int, { description: 'The proposal’s `version` you read; a newer one is a CONFLICT.' })
  version!: number;

  @Field(() => ID, { description: 'The person who joins, leaves, or whose role changes.' })
  personId!: string;
}

@InputType({ description: 'A new role for a team member; making someone LEAD hands the lead over to them.' })
export class ProposalMemberRoleSetInput extends ProposalMemberInput {
  @Field(() => ProposalMemberRoleEnum, {
    description: 'LEAD hands the lead to this member (the current lead becomes a MEMBER); MEMBER steps a lead down.',
  })
  role!: ProposalMemberRoleEnum;
}

@InputType({ description: 'The DRAFT proposal to delete.' })
export class ProposalDeleteInput {
  @Field(() => ID, { description: 'The proposal’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of deleting a proposal.' })
export class ProposalDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the proposal deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of creating, changing or moving a proposal.' })
export class ProposalPayload {
  @Field(() => Proposal, { nullable: true, description: 'The proposal, as saved.' })
  proposal!: Proposal | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}
