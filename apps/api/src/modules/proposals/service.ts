import { canReadProposalDetails, proposalDetailsWhere, proposalWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { listConnection, nestedList } from '../../core/lists/lists.ts';
import { filtersOnDetails, PROPOSAL_LIST, type ProposalListArgs } from './list.ts';

/** What the viewer may see of proposals, narrowed to those whose details they may read when filtering on one. */
async function visibleFor(ctx: Context, args: ProposalListArgs) {
  const scope = await ctx.scope();
  const visible = proposalWhere(ctx.viewer, scope);
  return filtersOnDetails(args.filter) ? { AND: [visible, proposalDetailsWhere(ctx.viewer, scope)] } : visible;
}

/** Proposals across seminars, by title unless asked otherwise. */
export async function listProposals(ctx: Context, args: ProposalListArgs) {
  return listConnection(ctx, PROPOSAL_LIST, args, {
    visible: await visibleFor(ctx, args),
    findMany: (query) => ctx.prisma.proposal.findMany(query),
    count: (where) => ctx.prisma.proposal.count({ where }),
  });
}

/** Whether the viewer may read a proposal's details, beyond what the public sees. */
export async function canReadDetails(ctx: Context, proposal: { id: string; seminarId: string }): Promise<boolean> {
  return canReadProposalDetails(ctx.viewer, await ctx.scope(), proposal);
}

/** A seminar's proposals; loaded in one query for all seminars in a response. */
export async function proposalsOfSeminar(ctx: Context, seminarId: string, args: ProposalListArgs) {
  return nestedList(ctx, PROPOSAL_LIST, args, {
    name: 'Seminar.proposals',
    parentId: seminarId,
    relation: 'proposals',
    parentKey: 'seminarId',
    visible: await visibleFor(ctx, args),
    findParents: (ids, args) => ctx.prisma.seminar.findMany({ where: { id: { in: ids } }, ...args }),
  });
}
