import { EXAMPLE_PROGRAM_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let seminarId: string;

const PAYLOAD =
  'enrollment { id status version waitlistPosition } promoted { id status } userErrors { field code message }';
const APPLY = `mutation($input: EnrollmentApplyInput!) { enrollmentApply(input: $input) { ${PAYLOAD} } }`;
const step = (name: string) =>
  `mutation($input: EnrollmentTransitionInput!) { enrollment${name}(input: $input) { ${PAYLOAD} } }`;

async function person(name: string) {
  const row = await api.db.prisma.person.create({ data: { givenName: name, familyName: 'Applicant' } });
  return { id: toGlobalId('Person', row.id), actor: await api.as('PARTICIPANT', { personId: row.id }) };
}

async function move(actor: Actor, name: string, enrollment: { id: string; version: number }) {
  const { data } = await actor.graphql(step(name), { input: { id: enrollment.id, version: enrollment.version } });
  return data[`enrollment${name}`];
}

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] });
  // A published cohort with two places.
  const seminar = await api.db.prisma.seminar.create({
    data: {
      programId: EXAMPLE_PROGRAM_ID,
      title: 'Two-place cohort',
      startDate: new Date('2026-10-11'),
      endDate: new Date('2026-10-24'),
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
      capacity: 2,
      status: 'PUBLISHED',
    },
  });
  seminarId = toGlobalId('Seminar', seminar.id);
});
afterAll(() => api?.close());

describe('enrollment', () => {
  it('fills the places, waitlists the rest, and offers a freed place to the first on the list', async () => {
    const people = await Promise.all(['Aziza', 'Bekzod', 'Dilnoza', 'Eldor'].map(person));
    const applications = [];
    for (const applicant of people) {
      const { data } = await applicant.actor.graphql(APPLY, { input: { seminarId } });
      expect(data.enrollmentApply.userErrors).toEqual([]);
      expect(data.enrollmentApply.enrollment.status).toBe('APPLIED');
      applications.push(data.enrollmentApply.enrollment);
    }
    const [a, b, c, d] = applications;
    expect((await move(coordinator, 'Accept', a)).enrollment.status).toBe('ACCEPTED');
    const acceptedB = (await move(coordinator, 'Accept', b)).enrollment;
    const full = await move(coordinator, 'Accept', c);
    expect(full.userErrors[0]).toMatchObject({ code: 'INVALID', message: expect.stringMatching(/full \(2 places\)/) });
    const waitC = (await move(coordinator, 'Waitlist', c)).enrollment;
    const waitD = (await move(coordinator, 'Waitlist', d)).enrollment;
    expect([waitC.waitlistPosition, waitD.waitlistPosition]).toEqual([1, 2]);

    // B confirms, then withdraws: C, first on the list, is offered the place in the same step.
    const confirmed = (await move(people[1]!.actor, 'Confirm', acceptedB)).enrollment;
    expect(confirmed.status).toBe('CONFIRMED');
    const withdrawn = await move(people[1]!.actor, 'Withdraw', confirmed);
    expect(withdrawn.enrollment.status).toBe('WITHDRAWN');
    expect(withdrawn.promoted).toEqual({ id: c.id, status: 'ACCEPTED' });
    const stillWaiting = await coordinator.graphql(
      'query($id: ID!) { node(id: $id) { ... on Enrollment { status waitlistPosition } } }',
      {
        id: d.id,
      },
    );
    expect(stillWaiting.data.node).toEqual({ status: 'WAITLISTED', waitlistPosition: 2 });
  });

  it('refuses every other move with INVALID_TRANSITION, and a second application with CONFLICT', async () => {
    const applicant = await person('Farrukh');
    const applied = (await applicant.actor.graphql(APPLY, { input: { seminarId } })).data.enrollmentApply.enrollment;
    for (const name of ['Confirm', 'Complete', 'MarkNoShow']) {
      const actor = name === 'Confirm' ? applicant.actor : coordinator;
      const result = await move(actor, name, applied);
      expect(result.userErrors[0]).toMatchObject({
        code: 'INVALID_TRANSITION',
        message: expect.stringMatching(/The enrollment is applied: "/),
      });
    }
    const again = await applicant.actor.graphql(APPLY, { input: { seminarId } });
    expect(again.data.enrollmentApply.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'personId'] });
  });

  it('lets a person take only their own steps; staff steps on it look missing', async () => {
    const applicant = await person('Gulnora');
    const other = await person('Husan');
    const applied = (await applicant.actor.graphql(APPLY, { input: { seminarId } })).data.enrollmentApply.enrollment;
    const selfAccept = await move(applicant.actor, 'Accept', applied);
    expect(selfAccept.userErrors[0].code).toBe('NOT_FOUND');
    const othersWithdraw = await move(other.actor, 'Withdraw', applied);
    expect(othersWithdraw.userErrors[0].code).toBe('NOT_FOUND');
    const forSomeoneElse = await applicant.actor.graphql(APPLY, { input: { seminarId, personId: other.id } });
    expect(forSomeoneElse.data.enrollmentApply.userErrors[0].field).toEqual(['input', 'personId']);
    const withdrawn = await move(applicant.actor, 'Withdraw', applied);
    expect(withdrawn.enrollment.status).toBe('WITHDRAWN');
  });

  it('gives the last place to one of two accepts sent at once', async () => {
    const seminar = await api.db.prisma.seminar.create({
      data: {
        programId: EXAMPLE_PROGRAM_ID,
        title: 'One-place cohort',
        startDate: new Date('2026-11-01'),
        endDate: new Date('2026-11-10'),
        timezone: 'Asia/Seoul',
        countryCode: 'KR',
        capacity: 1,
        status: 'PUBLISHED',
      },
    });
    const applicants = await Promise.all(['Ilhom', 'Jamila'].map(person));
    const enrollments = [];
    for (const applicant of applicants) {
      enrollments.push(
        (await applicant.actor.graphql(APPLY, { input: { seminarId: toGlobalId('Seminar', seminar.id) } })).data
          .enrollmentApply.enrollment,
      );
    }
    const results = await Promise.all(enrollments.map((enrollment) => move(coordinator, 'Accept', enrollment)));
    expect(results.filter((result) => result.userErrors.length === 0)).toHaveLength(1);
    expect(await api.db.prisma.enrollment.count({ where: { seminarId: seminar.id, status: 'ACCEPTED' } })).toBe(1);
  });
});
