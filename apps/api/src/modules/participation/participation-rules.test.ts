import { EXAMPLE_PROGRAM_ID, type SeminarStatus } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

// Attendance is taken for what has happened, and feedback comes from those who were there. Times are
// counted from now, so that the tests mean the same whenever they run.

let api: TestApi;
let admin: Actor;

const HOUR = 3_600_000;
const MARK = `mutation($input: AttendanceMarkInput!) { attendanceMark(input: $input) {
  attendance { status } userErrors { field code message } } }`;
const GIVE = `mutation($input: FeedbackGiveInput!) { feedbackGive(input: $input) {
  feedback { rating } userErrors { field code message } } }`;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

/** A seminar running from yesterday to tomorrow, with one confirmed participant who has an account. */
async function givenSeminar(status: SeminarStatus) {
  const day = (offset: number) => new Date(new Date(Date.now() + offset * 24 * HOUR).toISOString().slice(0, 10));
  const seminar = await api.db.prisma.seminar.create({
    data: {
      programId: EXAMPLE_PROGRAM_ID,
      title: `Open data, a ${status.toLowerCase()} cohort`,
      startDate: day(-1),
      endDate: day(1),
      timezone: 'UTC',
      countryCode: 'KR',
      status,
    },
  });
  const person = await api.db.prisma.person.create({ data: { givenName: 'Rustam', familyName: status } });
  const enrollment = await api.db.prisma.enrollment.create({
    data: { seminarId: seminar.id, personId: person.id, status: 'CONFIRMED' },
  });
  const participant = await api.as('PARTICIPANT', { personId: person.id });
  /** A session from `from` to `to` hours from now. */
  const session = async (from: number, to: number) =>
    api.db.prisma.session.create({
      data: {
        seminarId: seminar.id,
        kind: 'LECTURE',
        title: `Lecture at ${from} h`,
        startsAt: new Date(Date.now() + from * HOUR),
        endsAt: new Date(Date.now() + to * HOUR),
      },
    });
  const mark = (sessionId: string, status = 'PRESENT') =>
    admin.graphql(MARK, {
      input: {
        sessionId: toGlobalId('Session', sessionId),
        entries: [{ enrollmentId: toGlobalId('Enrollment', enrollment.id), status }],
      },
    });
  const rate = (sessionId: string | null) =>
    participant.graphql(GIVE, {
      input: {
        seminarId: toGlobalId('Seminar', seminar.id),
        ...(sessionId ? { sessionId: toGlobalId('Session', sessionId) } : {}),
        rating: 4,
      },
    });
  return { seminar, session, mark, rate };
}

/** Attendance, feedback and audit events: what a refusal must leave as it was. */
const written = async () =>
  JSON.stringify([
    await api.db.prisma.attendance.findMany({ orderBy: { id: 'asc' } }),
    await api.db.prisma.feedback.findMany({ orderBy: { id: 'asc' } }),
    await api.db.prisma.auditEvent.count(),
  ]);

describe('attendanceMark', () => {
  it('is refused in a seminar not IN_PROGRESS or COMPLETED, even for a session in the past', async () => {
    for (const status of ['PUBLISHED', 'CANCELLED'] as const) {
      const { session, mark } = await givenSeminar(status);
      const past = await session(-30, -29);
      const before = await written();
      const { data } = await mark(past.id);
      expect(data.attendanceMark).toEqual({
        attendance: [],
        userErrors: [
          {
            field: ['input', 'sessionId'],
            code: 'INVALID_TRANSITION',
            message: `The seminar is ${status.toLowerCase()}: attendance is taken once it is in progress, or after it is completed.`,
          },
        ],
      });
      expect(await written()).toBe(before);
    }
  });

  it('is taken for a session that has begun, not for one to come', async () => {
    const { session, mark } = await givenSeminar('IN_PROGRESS');
    const tomorrow = await session(20, 21);
    const before = await written();
    const refused = await mark(tomorrow.id);
    expect(refused.data.attendanceMark.userErrors).toEqual([
      {
        field: ['input', 'sessionId'],
        code: 'INVALID_TRANSITION',
        message: 'The session has not begun: attendance is taken once it has.',
      },
    ]);
    expect(await written()).toBe(before);
    // Under way: the check-in desk marks those who came.
    const now = await session(-0.5, 1);
    expect((await mark(now.id)).data.attendanceMark).toEqual({ attendance: [{ status: 'PRESENT' }], userErrors: [] });
  });
});

describe('feedbackGive', () => {
  it('rates a session once it has ended, and only by a participant marked PRESENT or LATE at it', async () => {
    const { session, mark, rate } = await givenSeminar('IN_PROGRESS');
    const underWay = await session(-1, 1);
    const missed = await session(-5, -4);
    const attended = await session(-3, -2);
    await mark(underWay.id);
    await mark(missed.id, 'ABSENT');
    await mark(attended.id, 'LATE');
    const before = await written();

    expect((await rate(underWay.id)).data.feedbackGive).toEqual({
      feedback: null,
      userErrors: [
        {
          field: ['input', 'sessionId'],
          code: 'INVALID_TRANSITION',
          message: 'The session has not ended: it is rated once it has.',
        },
      ],
    });
    expect((await rate(missed.id)).data.feedbackGive).toEqual({
      feedback: null,
      userErrors: [
        {
          field: ['input', 'sessionId'],
          code: 'INVALID',
          message: 'You are not marked PRESENT or LATE at this session: only those there rate it.',
        },
      ],
    });
    expect(await written()).toBe(before);
    expect((await rate(attended.id)).data.feedbackGive).toEqual({ feedback: { rating: 4 }, userErrors: [] });
  });

  it('rates the seminar as a whole once it has begun, by someone who attended a session of it', async () => {
    const published = await givenSeminar('PUBLISHED');
    const before = await written();
    expect((await published.rate(null)).data.feedbackGive.userErrors).toEqual([
      {
        field: ['input', 'seminarId'],
        code: 'INVALID_TRANSITION',
        message: 'The seminar is published: it is rated once it is in progress, or after it is completed.',
      },
    ]);

    const running = await givenSeminar('IN_PROGRESS');
    const held = await running.session(-3, -2);
    await running.mark(held.id, 'ABSENT');
    const absent = await written();
    expect((await running.rate(null)).data.feedbackGive.userErrors).toEqual([
      {
        field: ['input', 'seminarId'],
        code: 'INVALID',
        message: 'You are not marked PRESENT or LATE at any session: only those who took part rate it.',
      },
    ]);
    expect(await written()).toBe(absent);
    expect(absent).not.toBe(before);

    await running.mark(held.id, 'PRESENT');
    expect((await running.rate(null)).data.feedbackGive).toEqual({ feedback: { rating: 4 }, userErrors: [] });
  });
});
