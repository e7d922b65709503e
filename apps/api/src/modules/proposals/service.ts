import type { Prisma, Proposal } from '@seminarhub/db';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** Proposals by title, across seminars or within one. */
export function listProposals(ctx: Context, args: ConnectionArgs, where: Prisma.ProposalWhereInput = {}) {
  return paginate<Proposal>({
    args,
    order: { field: 'title', direction: 'asc', value: (row) => row.title },
    findMany: (page) => ctx.prisma.proposal.findMany({ ...page, where: { AND: [where, page.where] } }),
    count: () => ctx.prisma.proposal.count({ where }),
  });
}
