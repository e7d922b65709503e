import type { Proposal } from '@seminarhub/db';
import { canReadProposalDetails, proposalWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, childPages, type ListOrder, nestedConnection, paginate } from '../../core/pagination.ts';

const PROPOSAL_ORDER: ListOrder<Proposal> = {
  field: 'title',
  kind: 'string',
  direction: 'asc',
  value: (row) => row.title,
};

/** Proposals by title, across seminars or within one. */
export async function listProposals(ctx: Context, args: ConnectionArgs) {
  const visible = proposalWhere(ctx.viewer, await ctx.scope());
  return paginate<Proposal>({
    args,
    order: PROPOSAL_ORDER,
    findMany: (page) => ctx.prisma.proposal.findMany({ ...page, where: { AND: [visible, page.where] } }),
    count: () => ctx.prisma.proposal.count({ where: visible }),
  });
}

/** Whether the viewer may read a proposal's details, beyond what the public sees. */
export async function canReadDetails(ctx: Context, proposal: { id: string; seminarId: string }): Promise<boolean> {
  return canReadProposalDetails(ctx.viewer, await ctx.scope(), proposal);
}

/** A seminar's proposals, by title; loaded in one query for all seminars in a response. */
export async function proposalsOfSeminar(ctx: Context, seminarId: string, args: ConnectionArgs) {
  const visible = proposalWhere(ctx.viewer, await ctx.scope());
  return nestedConnection<Proposal>(ctx.batches, 'Seminar.proposals', seminarId, args, PROPOSAL_ORDER, (ids, page) =>
    childPages<Proposal>('proposals', visible, page, (args) =>
      ctx.prisma.seminar.findMany({ where: { id: { in: ids } }, ...args }),
    ),
  );
}
