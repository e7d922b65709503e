import type { Milestone, ProgressReport } from '@seminarhub/db';
import { proposalDetailWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, childPages, type ListOrder, nestedConnection } from '../../core/pagination.ts';

/** Follow-up lists read by due date: what comes next first. */
function byDueDate<Row extends { dueDate: Date }>(): ListOrder<Row> {
  return { field: 'dueDate', kind: 'date', direction: 'asc', value: (row) => row.dueDate };
}
const MILESTONE_ORDER = byDueDate<Milestone>();
const REPORT_ORDER = byDueDate<ProgressReport>();

/**
 * A proposal's milestones by due date, loaded in one statement for all proposals in a response;
 * only for those who may read the proposal's details, so for others the list is empty.
 */
export async function milestonesOfProposal(ctx: Context, proposalId: string, args: ConnectionArgs) {
  const visible = proposalDetailWhere(ctx.viewer, await ctx.scope());
  return nestedConnection<Milestone>(
    ctx.batches,
    'Proposal.milestones',
    proposalId,
    args,
    MILESTONE_ORDER,
    (ids, page) =>
      childPages<Milestone>('milestones', visible, page, (args) =>
        ctx.prisma.proposal.findMany({ where: { id: { in: ids } }, ...args }),
      ),
  );
}

/** A proposal's progress reports by due date, like its milestones. */
export async function progressReportsOfProposal(ctx: Context, proposalId: string, args: ConnectionArgs) {
  const visible = proposalDetailWhere(ctx.viewer, await ctx.scope());
  return nestedConnection<ProgressReport>(
    ctx.batches,
    'Proposal.progressReports',
    proposalId,
    args,
    REPORT_ORDER,
    (ids, page) =>
      childPages<ProgressReport>('progressReports', visible, page, (args) =>
        ctx.prisma.proposal.findMany({ where: { id: { in: ids } }, ...args }),
      ),
  );
}
