import { followUpWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { listConnection, nestedList } from '../../core/lists/lists.ts';
import { MILESTONE_LIST, type MilestoneListArgs, PROGRESS_REPORT_LIST, type ProgressReportListArgs } from './list.ts';

/**
 * A proposal's milestones, by due date unless asked otherwise, loaded in one statement for all
 * proposals in a response; only for those who may read the proposal's details, so for others the
 * list is empty.
 */
export async function milestonesOfProposal(ctx: Context, proposalId: string, args: MilestoneListArgs) {
  return nestedList(ctx, MILESTONE_LIST, args, {
    name: 'Proposal.milestones',
    parentId: proposalId,
    relation: 'milestones',
    parentKey: 'proposalId',
    visible: followUpWhere(ctx.viewer, await ctx.scope()),
    findParents: (ids, args) => ctx.prisma.proposal.findMany({ where: { id: { in: ids } }, ...args }),
  });
}

/** A proposal's progress reports, like its milestones. */
export async function progressReportsOfProposal(ctx: Context, proposalId: string, args: ProgressReportListArgs) {
  return nestedList(ctx, PROGRESS_REPORT_LIST, args, {
    name: 'Proposal.progressReports',
    parentId: proposalId,
    relation: 'progressReports',
    parentKey: 'proposalId',
    visible: followUpWhere(ctx.viewer, await ctx.scope()),
    findParents: (ids, args) => ctx.prisma.proposal.findMany({ where: { id: { in: ids } }, ...args }),
  });
}

/**
 * Milestones across proposals, by due date: with `programId` and `overdue` or `status` filters, what a
 * programme's teams still have to reach. Only those of proposals whose details the viewer may read.
 */
export async function listMilestones(ctx: Context, args: MilestoneListArgs) {
  return listConnection(ctx, MILESTONE_LIST, args, {
    visible: followUpWhere(ctx.viewer, await ctx.scope()),
    findMany: (query) => ctx.prisma.milestone.findMany(query),
    count: (where) => ctx.prisma.milestone.count({ where }),
  });
}

/** Progress reports across proposals, by due date: what is due, overdue or waiting for review. */
export async function listProgressReports(ctx: Context, args: ProgressReportListArgs) {
  return listConnection(ctx, PROGRESS_REPORT_LIST, args, {
    visible: followUpWhere(ctx.viewer, await ctx.scope()),
    findMany: (query) => ctx.prisma.progressReport.findMany(query),
    count: (where) => ctx.prisma.progressReport.count({ where }),
  });
}
