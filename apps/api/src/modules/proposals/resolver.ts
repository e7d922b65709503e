import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { Organization } from '../organizations/types.ts';
import { Person } from '../people/types.ts';
import { Seminar } from '../seminars/types.ts';
import {
  ProposalCreateInput,
  ProposalDeleteInput,
  ProposalDeletePayload,
  ProposalMemberInput,
  ProposalMemberRoleSetInput,
  ProposalPayload,
  ProposalTransitionInput,
  ProposalUpdateInput,
} from './inputs.ts';
import { ProposalListArgs } from './list.ts';
import {
  addProposalMember,
  createProposal,
  deleteProposal,
  removeProposalMember,
  setProposalMemberRole,
  transitionProposal,
  updateProposal,
} from './mutations.ts';
import { canReadDetails, listProposals, proposalsOfSeminar } from './service.ts';
import { Proposal, ProposalConnection, ProposalDecision, ProposalMember } from './types.ts';

@Resolver(() => Proposal)
export class ProposalResolver {
  @Mutation(() => ProposalPayload, {
    description:
      'Starts a DRAFT proposal with its team, for a seminar IN_PROGRESS or COMPLETED. Participants of the seminar (in the team), and staff.',
  })
  proposalCreate(
    @Arg('input', () => ProposalCreateInput, { description: 'The proposal.' }) input: ProposalCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createProposal(ctx, input);
  }

  @Mutation(() => ProposalPayload, {
    description: 'Edits a proposal while DRAFT or REVISION_REQUESTED. Its team and staff.',
  })
  proposalUpdate(
    @Arg('input', () => ProposalUpdateInput, { description: 'The changes.' }) input: ProposalUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateProposal(ctx, input);
  }

  @Mutation(() => ProposalPayload, {
    description:
      'Adds a person accepted into the seminar to the team as a MEMBER, while DRAFT or REVISION_REQUESTED. Its team and staff.',
  })
  proposalMemberAdd(
    @Arg('input', () => ProposalMemberInput, { description: 'The proposal and the person.' })
    input: ProposalMemberInput,
    @Ctx() ctx: Context,
  ) {
    return addProposalMember(ctx, input);
  }

  @Mutation(() => ProposalPayload, {
    description:
      'Takes a person off the team, while DRAFT or REVISION_REQUESTED; never the only lead. Its team and staff.',
  })
  proposalMemberRemove(
    @Arg('input', () => ProposalMemberInput, { description: 'The proposal and the person.' })
    input: ProposalMemberInput,
    @Ctx() ctx: Context,
  ) {
    return removeProposalMember(ctx, input);
  }

  @Mutation(() => ProposalPayload, {
    description:
      'Changes a team member’s role, while DRAFT or REVISION_REQUESTED: LEAD hands the lead over. Its team and staff.',
  })
  proposalMemberRoleSet(
    @Arg('input', () => ProposalMemberRoleSetInput, { description: 'The proposal, the person and the role.' })
    input: ProposalMemberRoleSetInput,
    @Ctx() ctx: Context,
  ) {
    return setProposalMemberRole(ctx, input);
  }

  @Mutation(() => ProposalDeletePayload, {
    description: 'Deletes a DRAFT proposal that was never submitted. Its team lead and staff.',
  })
  proposalDelete(
    @Arg('input', () => ProposalDeleteInput, { description: 'The proposal.' }) input: ProposalDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deleteProposal(ctx, input);
  }

  @Mutation(() => ProposalPayload, {
    description: 'DRAFT or REVISION_REQUESTED to SUBMITTED: the team hands the proposal in.',
  })
  proposalSubmit(
    @Arg('input', () => ProposalTransitionInput, { description: 'The proposal, and the decision’s terms.' })
    input: ProposalTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionProposal(ctx, 'submit', input);
  }

  @Mutation(() => ProposalPayload, { description: 'SUBMITTED to UNDER_REVIEW. Staff.' })
  proposalStartReview(
    @Arg('input', () => ProposalTransitionInput, { description: 'The proposal, and the decision’s terms.' })
    input: ProposalTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionProposal(ctx, 'startReview', input);
  }

  @Mutation(() => ProposalPayload, {
    description: 'UNDER_REVIEW to REVISION_REQUESTED: back to the team for changes. Staff.',
  })
  proposalRequestRevision(
    @Arg('input', () => ProposalTransitionInput, { description: 'The proposal, and the decision’s terms.' })
    input: ProposalTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionProposal(ctx, 'requestRevision', input);
  }

  @Mutation(() => ProposalPayload, { description: 'UNDER_REVIEW to COMMENDED, recording the commendation. Staff.' })
  proposalCommend(
    @Arg('input', () => ProposalTransitionInput, { description: 'The proposal, and the decision’s terms.' })
    input: ProposalTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionProposal(ctx, 'commend', input);
  }

  @Mutation(() => ProposalPayload, {
    description: 'UNDER_REVIEW or COMMENDED to SELECTED_FOR_SUPPORT, recording the support offered. Staff.',
  })
  proposalSelectForSupport(
    @Arg('input', () => ProposalTransitionInput, { description: 'The proposal, and the decision’s terms.' })
    input: ProposalTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionProposal(ctx, 'selectForSupport', input);
  }

  @Mutation(() => ProposalPayload, { description: 'UNDER_REVIEW or COMMENDED to DECLINED, recording why. Staff.' })
  proposalDecline(
    @Arg('input', () => ProposalTransitionInput, { description: 'The proposal, and the decision’s terms.' })
    input: ProposalTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionProposal(ctx, 'decline', input);
  }

  @Mutation(() => ProposalPayload, {
    description:
      'SELECTED_FOR_SUPPORT to IN_IMPLEMENTATION: follow-up begins, with the 3, 6 and 12-month progress reports scheduled, due that many months after the seminar’s last day. Staff.',
  })
  proposalStartImplementation(
    @Arg('input', () => ProposalTransitionInput, { description: 'The proposal, and the decision’s terms.' })
    input: ProposalTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionProposal(ctx, 'startImplementation', input);
  }

  @Mutation(() => ProposalPayload, { description: 'IN_IMPLEMENTATION to COMPLETED. Staff.' })
  proposalComplete(
    @Arg('input', () => ProposalTransitionInput, { description: 'The proposal, and the decision’s terms.' })
    input: ProposalTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionProposal(ctx, 'complete', input);
  }

  @Query(() => ProposalConnection, { description: 'All proposals, by title.' })
  proposals(@Args(() => ProposalListArgs) args: ProposalListArgs, @Ctx() ctx: Context) {
    return listProposals(ctx, args);
  }

  @Query(() => Proposal, { nullable: true, description: 'One proposal by ID; null when there is none.' })
  proposal(@Arg('id', () => ID, { description: 'The proposal’s ID.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.proposal.load(fromGlobalIdOf('Proposal', id));
  }

  @FieldResolver(() => Seminar, { description: 'The seminar in which it was written.' })
  seminar(@Root() proposal: Proposal, @Ctx() ctx: Context) {
    return ctx.loaders.seminar.load(proposal.seminarId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The problem it addresses. A detail: see the type.' })
  async problem(@Root() proposal: Proposal, @Ctx() ctx: Context) {
    return (await canReadDetails(ctx, proposal)) ? proposal.problem : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'What it aims to achieve. A detail: see the type.' })
  async objectives(@Root() proposal: Proposal, @Ctx() ctx: Context) {
    return (await canReadDetails(ctx, proposal)) ? proposal.objectives : null;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization that would carry it out at home. A detail: see the type.',
  })
  async implementingOrganization(@Root() proposal: Proposal, @Ctx() ctx: Context) {
    if (!proposal.implementingOrganizationId || !(await canReadDetails(ctx, proposal))) return null;
    return ctx.loaders.organization.load(proposal.implementingOrganizationId);
  }

  @FieldResolver(() => [ProposalMember], { description: 'The team that wrote it, lead first. A detail: see the type.' })
  async members(@Root() proposal: Proposal, @Ctx() ctx: Context) {
    return (await canReadDetails(ctx, proposal)) ? ctx.loaders.membersByProposal.load(proposal.id) : [];
  }

  @FieldResolver(() => [ProposalDecision], {
    description: 'Decisions taken on it, oldest first. A detail: see the type.',
  })
  async decisions(@Root() proposal: Proposal, @Ctx() ctx: Context) {
    return (await canReadDetails(ctx, proposal)) ? ctx.loaders.decisionsByProposal.load(proposal.id) : [];
  }
}

@Resolver(() => ProposalMember)
export class ProposalMemberResolver {
  @FieldResolver(() => Person, { description: 'The team member.' })
  person(@Root() member: ProposalMember, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(member.personId);
  }
}

@Resolver(() => Seminar)
export class SeminarProposalsResolver {
  @FieldResolver(() => ProposalConnection, { description: 'The proposals written in this seminar, by title.' })
  proposals(@Root() seminar: Seminar, @Args(() => ProposalListArgs) args: ProposalListArgs, @Ctx() ctx: Context) {
    return proposalsOfSeminar(ctx, seminar.id, args);
  }
}
