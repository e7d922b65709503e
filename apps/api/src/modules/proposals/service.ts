import type { Prisma, Proposal } from '@seminarhub/db';
import { canReadProposalDetails, proposalWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** Proposals by title, across seminars or within one. */
export async function listProposals(ctx: Context, args: ConnectionArgs, where: Prisma.ProposalWhereInput = {}) {
  const visible = proposalWhere(ctx.viewer, await ctx.scope());
  return paginate<Proposal>({
    args,
    order: { field: 'title', kind: 'string', direction: 'asc', value: (row) => row.title },
    findMany: (page) => ctx.prisma.proposal.findMany({ ...page, where: { AND: [where, visible, page.where] } }),
    count: () => ctx.prisma.proposal.count({ where: { AND: [where, visible] } }),
  });
}

/** Whether the viewer may read a proposal's details, beyond what the public sees. */
export async function canReadDetails(ctx: Context, proposal: { id: string; seminarId: string }): Promise<boolean> {
  return canReadProposalDetails(ctx.viewer, await ctx.scope(), proposal);
}
