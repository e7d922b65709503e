import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';

let api: TestApi;
/** Staff see the whole seminar; what the public sees is tested in the authorization tests. */
let admin: Actor;
beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

const LECTURES = [
  "Protecting the Digital Society: Korea's Emerging Cybersecurity System",
  'History of Development and Best Practices of Anti-Corruption Policy',
  'Key Technologies of E-Government',
  'Improving Public Administration through E-Government',
  'Smart City Policy Based on Emerging Technologies and Artificial Intelligence',
];

const PROPOSALS = [
  "Introducing the 'Sharing Economy' into the Neighborhood System",
  'Enhancing the Capacity of Computer Science Teachers in Artificial Intelligence and Establishing a Certification System',
  'Reducing the Human Factor through Artificial Intelligence in Digital Public Services',
];

describe('the example seminar, as seeded', () => {
  it('answers the README query with the seminar, its lectures and its visits', async () => {
    const { status, data, errors } = await api.graphql(
      '{ seminars(first: 5) { nodes { title sessions(first: 50) { nodes { title } } } } }',
    );
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    const [seminar] = data.seminars.nodes;
    expect(seminar.title).toBe('Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan');
    const titles = seminar.sessions.nodes.map((session: { title: string }) => session.title);
    expect(titles).toEqual(expect.arrayContaining(LECTURES));
    expect(titles.some((title: string) => title.includes('TOPIS'))).toBe(true);
    expect(titles.some((title: string) => title.includes('Anyang'))).toBe(true);
  });

  it('holds the agenda in time order, with kinds, hosts, speakers and dates in Seoul', async () => {
    const { data } = await admin.graphql(`{
      seminars(first: 1) { nodes {
        startDate endDate timezone status
        program { code title funder { acronym } }
        partner { name }
        sessions(first: 50) { totalCount nodes {
          kind title startsAt endsAt
          hostOrganization { name }
          place { name kind }
          speakers { role person { fullName isSample } }
        } }
      } }
    }`);
    const seminar = data.seminars.nodes[0];
    expect(seminar).toMatchObject({
      startDate: '2025-10-12',
      endDate: '2025-10-25',
      timezone: 'Asia/Seoul',
      status: 'COMPLETED',
      program: { code: 'KOICA-CIAT', funder: { acronym: 'KOICA' } },
      partner: { name: 'Ministry of Digital Technologies of the Republic of Uzbekistan' },
    });
    const sessions = seminar.sessions.nodes as {
      kind: string;
      title: string;
      startsAt: string;
      hostOrganization: { name: string } | null;
      speakers: { role: string; person: { isSample: boolean } }[];
    }[];
    expect(seminar.sessions.totalCount).toBe(sessions.length);
    const count = (kind: string) => sessions.filter((session) => session.kind === kind).length;
    expect(count('LECTURE')).toBe(5);
    expect(count('SITE_VISIT')).toBe(2);
    expect(count('CULTURAL_VISIT')).toBe(1);
    const opening = sessions[0];
    expect(opening?.hostOrganization?.name).toBe('Ministry of Digital Technologies of the Republic of Uzbekistan');
    expect(opening?.title).toMatch(/national projects/);
    const starts = sessions.map((session) => session.startsAt);
    expect(starts).toEqual([...starts].sort());
    for (const start of starts) {
      expect(start >= '2025-10-11T15:00:00.000Z' && start < '2025-10-25T15:00:00.000Z').toBe(true);
    }
    const visits = sessions.filter((session) => session.kind === 'SITE_VISIT');
    expect(visits.map((visit) => visit.hostOrganization?.name).sort()).toEqual([
      'Anyang City',
      'Transportation Management and Information Service',
    ]);
    for (const lecture of sessions.filter((session) => session.kind === 'LECTURE')) {
      expect(lecture.speakers.length).toBeGreaterThan(0);
      expect(lecture.speakers.every((speaker) => speaker.person.isSample)).toBe(true);
    }
  });

  it('lists the three proposals: all commended, the AI-teacher one selected for support', async () => {
    const { data, errors } = await admin.graphql(`{
      proposals(first: 10) { totalCount nodes {
        title status
        seminar { title }
        members { role person { fullName } }
        decisions { kind supportType }
        reviews(first: 10) { totalCount nodes { recommendation weightedScore reviewer { isSample } scores { score criterion { name weight } } } }
      } }
    }`);
    expect(errors).toBeUndefined();
    const proposals = data.proposals.nodes as {
      title: string;
      status: string;
      members: { role: string }[];
      decisions: { kind: string; supportType: string | null }[];
      reviews: { totalCount: number; nodes: { recommendation: string; weightedScore: number }[] };
    }[];
    expect(data.proposals.totalCount).toBe(3);
    expect(proposals.map((proposal) => proposal.title).sort()).toEqual([...PROPOSALS].sort());
    for (const proposal of proposals) {
      expect(proposal.decisions.map((decision) => decision.kind)).toContain('COMMENDATION');
      expect(proposal.members.filter((member) => member.role === 'LEAD')).toHaveLength(1);
      expect(proposal.reviews.totalCount).toBeGreaterThan(0);
      for (const review of proposal.reviews.nodes) {
        expect(review.weightedScore).toBeGreaterThanOrEqual(1);
        expect(review.weightedScore).toBeLessThanOrEqual(5);
      }
    }
    const selected = proposals.filter((proposal) => proposal.status === 'SELECTED_FOR_SUPPORT');
    expect(selected.map((proposal) => proposal.title)).toEqual([PROPOSALS[1]]);
    expect(selected[0]?.decisions.map((decision) => decision.kind)).toContain('SELECTED_FOR_SUPPORT');
    expect(proposals.filter((proposal) => proposal.status === 'COMMENDED')).toHaveLength(2);
    expect(selected[0]?.reviews.nodes.map((review) => review.recommendation)).toContain('SELECT');
  });

  it('lists the organizations, with TOPIS under the Seoul Metropolitan Government', async () => {
    const { data } = await admin.graphql(
      '{ organizations(first: 50) { totalCount nodes { name type countryCode parent { name } } } }',
    );
    const organizations = data.organizations.nodes as { name: string; parent: { name: string } | null }[];
    const topis = organizations.find((organization) => organization.name.includes('Transportation Management'));
    expect(topis?.parent?.name).toBe('Seoul Metropolitan Government');
    expect(organizations.map((organization) => organization.name)).toEqual(
      expect.arrayContaining(['Korea International Cooperation Agency', 'Anyang City']),
    );
  });

  it('shows the enrolled participants from the ministry, with the details agencies report on', async () => {
    const { data } = await admin.graphql(`{
      seminars(first: 1) { nodes { enrollments(first: 100) { totalCount nodes {
        status role person { fullName sex nationality organization { acronym } }
      } } } }
    }`);
    const enrollments = data.seminars.nodes[0].enrollments;
    expect(enrollments.totalCount).toBeGreaterThanOrEqual(10);
    expect(enrollments.nodes.every((enrollment: { status: string }) => enrollment.status === 'COMPLETED')).toBe(true);
    const people = enrollments.nodes.map((enrollment: { person: object }) => enrollment.person);
    expect(people.every((person: { nationality: string }) => person.nationality === 'UZ')).toBe(true);
    expect(new Set(people.map((person: { sex: string }) => person.sex))).toEqual(new Set(['FEMALE', 'MALE']));
  });
});
