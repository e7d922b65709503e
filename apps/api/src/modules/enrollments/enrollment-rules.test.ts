import { type EnrollmentStatus, EXAMPLE_PROGRAM_ID, type SeminarStatus } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';
import { calendarDay, enumWords } from '../../core/words.ts';
import { zonedDay } from '../../core/zoned-time.ts';

// Enrollment steps follow the seminar: places are decided until it is over, and who finished or did
// not come is known only once it has begun. Dates are counted from today.

let api: TestApi;
let coordinator: Actor;

const PAYLOAD = 'enrollment { id status } promoted { id status } userErrors { field code message }';
const step = (name: string) =>
  `mutation($input: EnrollmentTransitionInput!) { enrollment${name}(input: $input) { ${PAYLOAD} } }`;
const APPLY = `mutation($input: EnrollmentApplyInput!) { enrollmentApply(input: $input) { ${PAYLOAD} } }`;

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] });
});
afterAll(() => api?.close());

const day = (offset: number) => new Date(zonedDay(new Date(Date.now() + offset * 86_400_000), 'Asia/Seoul'));

/** A seminar in `status` with its days `from` and `to` days from today, and one enrollment per status given. */
async function givenSeminar(status: SeminarStatus, from: number, to: number, statuses: EnrollmentStatus[]) {
  const seminar = await api.db.prisma.seminar.create({
    data: {
      programId: EXAMPLE_PROGRAM_ID,
      title: `A ${status.toLowerCase()} cohort`,
      startDate: day(from),
      endDate: day(to),
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
      capacity: 1,
      status,
    },
  });
  const enrollments = [];
  for (const [index, enrollmentStatus] of statuses.entries()) {
    const person = await api.db.prisma.person.create({ data: { givenName: `Person ${index}`, familyName: status } });
    enrollments.push(
      await api.db.prisma.enrollment.create({
        data: {
          seminarId: seminar.id,
          personId: person.id,
          status: enrollmentStatus,
          waitlistPosition: enrollmentStatus === 'WAITLISTED' ? index : null,
        },
      }),
    );
  }
  return { seminar, enrollments };
}

/** Takes a step on an enrollment made by `givenSeminar` (at version 1). */
const move = async (name: string, enrollment: { id: string } | undefined) =>
  (
    await coordinator.graphql(step(name), {
      input: { id: toGlobalId('Enrollment', enrollment?.id as string), version: 1 },
    })
  ).data[`enrollment${name}`];

/** Enrollments and audit events: what a refusal must leave as it was. */
const written = async () =>
  JSON.stringify([
    await api.db.prisma.enrollment.findMany({ orderBy: { id: 'asc' } }),
    await api.db.prisma.auditEvent.count(),
  ]);

const w = (value: string) => value.split(' or ').map(enumWords).join(' or ');
const onDay = (iso: string) => calendarDay(new Date(`${iso}T00:00:00Z`));
const refusal = (status: string, transition: string, during: string) => ({
  enrollment: null,
  promoted: null,
  userErrors: [
    {
      field: ['input', 'id'],
      code: 'INVALID_TRANSITION',
      message: `The seminar is ${w(status)}: an enrollment cannot ${w(transition)} then, only while it is ${w(during)}.`,
    },
  ],
});

describe('enrollment steps and the seminar', () => {
  it('decide no place, and take no confirmation or withdrawal, once the seminar is COMPLETED or CANCELLED', async () => {
    for (const status of ['COMPLETED', 'CANCELLED'] as const) {
      const { enrollments } = await givenSeminar(status, -20, -10, ['APPLIED', 'ACCEPTED', 'WAITLISTED']);
      const [applied, accepted, waitlisted] = enrollments;
      const before = await written();
      for (const [name, transition, enrollment] of [
        ['Accept', 'accept', applied],
        ['Waitlist', 'waitlist', applied],
        ['Reject', 'reject', waitlisted],
        ['Confirm', 'confirm', accepted],
        ['Withdraw', 'withdraw', accepted],
      ] as const) {
        expect(await move(name, enrollment)).toEqual(refusal(status, transition, 'DRAFT or PUBLISHED or IN_PROGRESS'));
      }
      expect(await written()).toBe(before);
    }
  });

  it('take no application to a seminar that is over or called off, even from staff', async () => {
    for (const status of ['COMPLETED', 'CANCELLED', 'IN_PROGRESS'] as const) {
      const { seminar } = await givenSeminar(status, -20, -10, []);
      const person = await api.db.prisma.person.create({ data: { givenName: 'Late', familyName: 'Applicant' } });
      const { data } = await coordinator.graphql(APPLY, {
        input: { seminarId: toGlobalId('Seminar', seminar.id), personId: toGlobalId('Person', person.id) },
      });
      expect(data.enrollmentApply.userErrors).toEqual([
        {
          field: ['input', 'seminarId'],
          code: 'INVALID_TRANSITION',
          message: `The seminar is ${w(status)}: it takes no applications.`,
        },
      ]);
    }
  });

  it('complete or mark a no-show only once the seminar has begun; complete once its last day has', async () => {
    const published = await givenSeminar('PUBLISHED', 10, 20, ['CONFIRMED']);
    const before = await written();
    for (const [name, transition] of [
      ['Complete', 'complete'],
      ['MarkNoShow', 'markNoShow'],
    ] as const) {
      expect(await move(name, published.enrollments[0])).toEqual(
        refusal('PUBLISHED', transition, 'IN_PROGRESS or COMPLETED'),
      );
    }
    expect(await written()).toBe(before);

    const running = await givenSeminar('IN_PROGRESS', -1, 3, ['CONFIRMED']);
    const beforeEarly = await written();
    const early = await move('Complete', running.enrollments[0]);
    expect(early.userErrors).toEqual([
      {
        field: ['input', 'id'],
        code: 'INVALID_TRANSITION',
        message: `The seminar's last day, ${onDay(zonedDay(day(3), 'UTC'))} (Asia/Seoul), has not begun: nobody has finished it yet.`,
      },
    ]);
    expect(await written()).toBe(beforeEarly);

    const lastDay = await givenSeminar('IN_PROGRESS', -3, 0, ['CONFIRMED']);
    expect((await move('Complete', lastDay.enrollments[0])).enrollment).toMatchObject({
      status: 'COMPLETED',
    });
  });

  it('offer a place freed by a no-show while the seminar runs, and to nobody once it is over', async () => {
    const running = await givenSeminar('IN_PROGRESS', -1, 3, ['CONFIRMED', 'WAITLISTED']);
    const [gone, next] = running.enrollments;
    expect(await move('MarkNoShow', gone)).toMatchObject({
      enrollment: { status: 'NO_SHOW' },
      promoted: { id: toGlobalId('Enrollment', next?.id as string), status: 'ACCEPTED' },
    });

    const over = await givenSeminar('COMPLETED', -10, -1, ['CONFIRMED', 'WAITLISTED']);
    const [absent, waiting] = over.enrollments;
    expect(await move('MarkNoShow', absent)).toMatchObject({ enrollment: { status: 'NO_SHOW' }, promoted: null });
    expect(await api.db.prisma.enrollment.findUniqueOrThrow({ where: { id: waiting?.id as string } })).toMatchObject({
      status: 'WAITLISTED',
    });
  });
});
