import { type Client, createClient, type UserRole, unwrap } from '@seminarhub/sdk';
import type { LiveAdmin } from './live-api.ts';

/** What the proposal and review tests start from: the seeded example seminar, its people and criteria. */
export interface ProposalWorld {
  admin: Client;
  seminarId: string;
  programId: string;
  criteria: { id: string; name: string; minScore: number; maxScore: number }[];
  /** People accepted into the seminar and on no proposal team: free to write one. */
  freeParticipantIds: string[];
  organizationId: string;
}

/**
 * The example seminar's programme and criteria, with a new seminar of it: the example's participants are
 * all on teams already, so new participants are nominated and accepted into the new one.
 */
export async function proposalWorld(live: LiveAdmin): Promise<ProposalWorld> {
  const admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  const example = (await admin.seminars.list({ first: 1 })).nodes[0]!;
  const programId = (await admin.seminars.get(example.id))!.program.id;
  const program = (await admin.programs.get(programId))!;
  const seminar = unwrap(
    await admin.seminars.create({
      programId,
      title: 'Digital Transformation, second cohort',
      code: 'CIAT-2026-02',
      startDate: '2026-10-11',
      endDate: '2026-10-24',
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
      city: 'Seoul',
    }),
  ).seminar!;
  const organization = (await admin.organizations.list({ first: 1 })).nodes[0]!;
  const freeParticipantIds: string[] = [];
  for (const givenName of ['Dilnoza', 'Jasur', 'Malika']) {
    const personId = unwrap(
      await admin.people.create({ givenName, familyName: 'Participant', organizationId: organization.id }),
    ).person!.id;
    const applied = unwrap(await admin.enrollments.apply({ seminarId: seminar.id, personId })).enrollment!;
    unwrap(await admin.enrollments.accept({ id: applied.id, version: applied.version }));
    freeParticipantIds.push(personId);
  }
  // Proposals are written once the seminar has begun (its days are in the past).
  const published = unwrap(await admin.seminars.publish({ id: seminar.id, version: seminar.version })).seminar!;
  unwrap(await admin.seminars.start({ id: published.id, version: published.version }));
  return {
    admin,
    seminarId: seminar.id,
    programId,
    criteria: [...program.reviewCriteria].sort((a, b) => a.position - b.position),
    freeParticipantIds,
    organizationId: organization.id,
  };
}

/** A person of no organization (so no proposal is their own organization's) to hold a REVIEWER account. */
export async function reviewerPerson(admin: Client, familyName: string) {
  return unwrap(await admin.people.create({ givenName: 'Expert', familyName })).person!.id;
}

/** A proposal by a free participant, taken by staff through submission and into review. */
export async function proposalUnderReview(world: ProposalWorld, title: string, leadId: string) {
  const { admin } = world;
  let proposal = unwrap(
    await admin.proposals.create({
      seminarId: world.seminarId,
      title,
      summary: 'A pilot of one-stop digital services in two districts.',
      memberIds: [leadId],
    }),
  ).proposal!;
  proposal = unwrap(await admin.proposals.submit({ id: proposal.id, version: proposal.version })).proposal!;
  proposal = unwrap(await admin.proposals.startReview({ id: proposal.id, version: proposal.version })).proposal!;
  return proposal;
}

/** A new account of this role (linked to a person when given), signed in: what the sign-in form would keep. */
export async function sessionOf(live: LiveAdmin, role: UserRole, personId?: string) {
  const { email, password, userId } = await live.account(role, personId ? { personId } : {});
  const token = unwrap(await createClient({ url: live.endpoint }).auth.login({ email, password })).token!;
  return { token, userId };
}
