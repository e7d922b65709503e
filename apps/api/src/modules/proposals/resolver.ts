import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { ConnectionArgs } from '../../core/pagination.ts';
import { Organization } from '../organizations/types.ts';
import { Person } from '../people/types.ts';
import { Seminar } from '../seminars/types.ts';
import { canReadDetails, listProposals, proposalsOfSeminar } from './service.ts';
import { Proposal, ProposalConnection, ProposalDecision, ProposalMember } from './types.ts';

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => ProposalConnection, { description: 'All proposals, by title.' })
  proposals(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
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
  proposals(@Root() seminar: Seminar, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
    return proposalsOfSeminar(ctx, seminar.id, args);
  }
}
