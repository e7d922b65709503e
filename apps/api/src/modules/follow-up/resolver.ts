import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { Proposal } from '../proposals/types.ts';
import {
  MilestoneCreateInput,
  MilestoneDeletePayload,
  MilestonePayload,
  MilestoneRefInput,
  MilestoneUpdateInput,
  ProgressReportCreateInput,
  ProgressReportDeletePayload,
  ProgressReportPayload,
  ProgressReportRefInput,
  ProgressReportReviewInput,
  ProgressReportUpdateInput,
} from './inputs.ts';
import { MilestoneListArgs, ProgressReportListArgs } from './list.ts';
import {
  createMilestone,
  createProgressReport,
  deleteMilestone,
  deleteProgressReport,
  reviewProgressReport,
  submitProgressReport,
  transitionMilestone,
  updateMilestone,
  updateProgressReport,
} from './mutations.ts';
import { milestoneOverdue, reportOverdue } from './schedule.ts';
import { listMilestones, listProgressReports, milestonesOfProposal, progressReportsOfProposal } from './service.ts';
import { Milestone, MilestoneConnection, ProgressReport, ProgressReportConnection } from './types.ts';

@Resolver(() => Proposal)
export class ProposalFollowUpResolver {
  @FieldResolver(() => MilestoneConnection, {
    description: 'Steps of carrying it out, by due date. A detail: see the type.',
  })
  milestones(@Root() proposal: Proposal, @Args(() => MilestoneListArgs) args: MilestoneListArgs, @Ctx() ctx: Context) {
    return milestonesOfProposal(ctx, proposal.id, args);
  }

  @FieldResolver(() => ProgressReportConnection, {
    description: 'Follow-up reports on its implementation, by due date. A detail: see the type.',
  })
  progressReports(
    @Root() proposal: Proposal,
    @Args(() => ProgressReportListArgs) args: ProgressReportListArgs,
    @Ctx() ctx: Context,
  ) {
    return progressReportsOfProposal(ctx, proposal.id, args);
  }
}

@Resolver(() => Milestone)
export class MilestoneResolver {
  @Query(() => MilestoneConnection, {
    description:
      'Milestones of the proposals whose details the viewer may read, by due date. Filter on `programId` and `overdue` (or `status` PLANNED and IN_PROGRESS with `dueDate`) for what a programme’s teams still have to reach: by due date, the overdue come first.',
  })
  milestones(@Args(() => MilestoneListArgs) args: MilestoneListArgs, @Ctx() ctx: Context) {
    return listMilestones(ctx, args);
  }

  @FieldResolver(() => Proposal, { description: 'The proposal it belongs to.' })
  proposal(@Root() milestone: Milestone, @Ctx() ctx: Context) {
    return ctx.loaders.proposal.load(milestone.proposalId);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when its due date has passed (today in UTC) and it is still PLANNED or IN_PROGRESS.',
  })
  overdue(@Root() milestone: Milestone): boolean {
    return milestoneOverdue(milestone);
  }

  @Mutation(() => MilestonePayload, {
    description:
      'Plans a milestone of a proposal SELECTED_FOR_SUPPORT or IN_IMPLEMENTATION, as PLANNED. Its team and staff.',
  })
  milestoneCreate(
    @Arg('input', () => MilestoneCreateInput, { description: 'The milestone.' }) input: MilestoneCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createMilestone(ctx, input);
  }

  @Mutation(() => MilestonePayload, {
    description:
      'Changes a milestone while its proposal is SELECTED_FOR_SUPPORT or IN_IMPLEMENTATION. Its team and staff.',
  })
  milestoneUpdate(
    @Arg('input', () => MilestoneUpdateInput, { description: 'The changes.' }) input: MilestoneUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateMilestone(ctx, input);
  }

  @Mutation(() => MilestoneDeletePayload, {
    description:
      'Deletes a milestone while its proposal is SELECTED_FOR_SUPPORT or IN_IMPLEMENTATION; refused with IN_USE when a progress report refers to it. Its team and staff.',
  })
  milestoneDelete(
    @Arg('input', () => MilestoneRefInput, { description: 'The milestone.' }) input: MilestoneRefInput,
    @Ctx() ctx: Context,
  ) {
    return deleteMilestone(ctx, input);
  }

  @Mutation(() => MilestonePayload, {
    description: 'PLANNED to IN_PROGRESS, while the proposal is IN_IMPLEMENTATION. Its team and staff.',
  })
  milestoneStart(
    @Arg('input', () => MilestoneRefInput, { description: 'The milestone.' }) input: MilestoneRefInput,
    @Ctx() ctx: Context,
  ) {
    return transitionMilestone(ctx, 'start', input);
  }

  @Mutation(() => MilestonePayload, {
    description:
      'PLANNED or IN_PROGRESS to DONE, recording when; while the proposal is IN_IMPLEMENTATION. Its team and staff.',
  })
  milestoneComplete(
    @Arg('input', () => MilestoneRefInput, { description: 'The milestone.' }) input: MilestoneRefInput,
    @Ctx() ctx: Context,
  ) {
    return transitionMilestone(ctx, 'complete', input);
  }

  @Mutation(() => MilestonePayload, {
    description: 'PLANNED or IN_PROGRESS to MISSED, while the proposal is IN_IMPLEMENTATION. Its team and staff.',
  })
  milestoneMiss(
    @Arg('input', () => MilestoneRefInput, { description: 'The milestone.' }) input: MilestoneRefInput,
    @Ctx() ctx: Context,
  ) {
    return transitionMilestone(ctx, 'miss', input);
  }
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @Query(() => ProgressReportConnection, {
    description:
      'Progress reports of the proposals whose details the viewer may read, by due date. Filter on `programId` and `submitted: false` (with `dueDate`) for what a programme’s teams still owe, the overdue first; `awaitingReview` for what staff have to read.',
  })
  progressReports(@Args(() => ProgressReportListArgs) args: ProgressReportListArgs, @Ctx() ctx: Context) {
    return listProgressReports(ctx, args);
  }

  @FieldResolver(() => Proposal, { description: 'The proposal it reports on.' })
  proposal(@Root() report: ProgressReport, @Ctx() ctx: Context) {
    return ctx.loaders.proposal.load(report.proposalId);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when its due date has passed (today in UTC) and it is not submitted; a report returned by staff counts.',
  })
  overdue(@Root() report: ProgressReport): boolean {
    return reportOverdue(report);
  }

  @FieldResolver(() => Milestone, { nullable: true, description: 'The milestone it is about, if any.' })
  milestone(@Root() report: ProgressReport, @Ctx() ctx: Context) {
    return report.milestoneId ? ctx.loaders.milestone.load(report.milestoneId) : null;
  }

  @Mutation(() => ProgressReportPayload, {
    description:
      'Schedules a progress report for a proposal IN_IMPLEMENTATION or COMPLETED; one per number of months. The 3, 6 and 12-month reports are scheduled by proposalStartImplementation already. Staff.',
  })
  progressReportCreate(
    @Arg('input', () => ProgressReportCreateInput, { description: 'The report to expect.' })
    input: ProgressReportCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createProgressReport(ctx, input);
  }

  @Mutation(() => ProgressReportPayload, {
    description: 'Fills in a progress report until it is submitted. The proposal’s team and staff.',
  })
  progressReportUpdate(
    @Arg('input', () => ProgressReportUpdateInput, { description: 'What to report.' })
    input: ProgressReportUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateProgressReport(ctx, input);
  }

  @Mutation(() => ProgressReportPayload, {
    description: 'Submits a progress report that has a summary; it no longer changes. The proposal’s team and staff.',
  })
  progressReportSubmit(
    @Arg('input', () => ProgressReportRefInput, { description: 'The report.' }) input: ProgressReportRefInput,
    @Ctx() ctx: Context,
  ) {
    return submitProgressReport(ctx, input);
  }

  @Mutation(() => ProgressReportPayload, {
    description:
      'Reviews a submitted progress report, once: ACCEPTED closes it; RETURNED (with a note) sends it back to the team, unsubmitted. Staff.',
  })
  progressReportReview(
    @Arg('input', () => ProgressReportReviewInput, { description: 'The review.' }) input: ProgressReportReviewInput,
    @Ctx() ctx: Context,
  ) {
    return reviewProgressReport(ctx, input);
  }

  @Mutation(() => ProgressReportDeletePayload, {
    description: 'Deletes a progress report that was not submitted. Staff.',
  })
  progressReportDelete(
    @Arg('input', () => ProgressReportRefInput, { description: 'The report.' }) input: ProgressReportRefInput,
    @Ctx() ctx: Context,
  ) {
    return deleteProgressReport(ctx, input);
  }
}
