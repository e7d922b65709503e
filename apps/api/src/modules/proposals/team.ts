import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { toGlobalId } from '../../core/node-id.ts';
import { roleOn, WRITING_ENROLLMENT } from './mutations.ts';
import { Proposal } from './types.ts';

const MAX_CANDIDATES = 50;

@ObjectType({
  description:
    'A person who may join a proposal’s team: accepted into its seminar and not on the team yet. Only a name to choose by; the person’s record stays as visible as it was.',
})
export class ProposalTeamCandidate {
  @Field(() => ID, { description: 'The person’s ID, for proposalMemberAdd.' })
  personId!: string;

  @Field(() => String, { description: 'The person’s full name.' })
  fullName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The name of the person’s organization, to tell namesakes apart.',
  })
  organizationName!: string | null;
}

@Resolver(() => Proposal)
export class ProposalTeamResolver {
  @FieldResolver(() => [ProposalTeamCandidate], {
    description: `People who may be added to the team (ACCEPTED, CONFIRMED or COMPLETED in its seminar, not on the team), by name, at most ${MAX_CANDIDATES}. Empty for those who may not change the team (anyone but its team and staff).`,
  })
  async teamCandidates(
    @Root() proposal: Proposal,
    @Arg('search', () => String, { nullable: true, description: 'Only people whose name contains this.' })
    search: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProposalTeamCandidate[]> {
    if (ctx.viewer.kind === 'anonymous') return [];
    const role = await roleOn(ctx, proposal);
    if (!role.staff && !role.team) return [];
    const words = (search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
    const people = await ctx.prisma.person.findMany({
      where: {
        enrollments: { some: { seminarId: proposal.seminarId, status: { in: WRITING_ENROLLMENT } } },
        proposalMembers: { none: { proposalId: proposal.id } },
        AND: words.map((word) => ({
          OR: [
            { givenName: { contains: word, mode: 'insensitive' as const } },
            { familyName: { contains: word, mode: 'insensitive' as const } },
          ],
        })),
      },
      select: { id: true, givenName: true, familyName: true, organization: { select: { name: true } } },
      orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
      take: MAX_CANDIDATES,
    });
    return people.map((person) => ({
      personId: toGlobalId('Person', person.id),
      fullName: `${person.givenName} ${person.familyName}`,
      organizationName: person.organization?.name ?? null,
    }));
  }
}
