import { followUpWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { nestedList } from '../../core/lists/lists.ts';
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
