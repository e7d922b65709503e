import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalId, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let sessionId: string;
let enrollments: { id: string; personId: string }[];

const MARK = `mutation($input: AttendanceMarkInput!) { attendanceMark(input: $input) {
  attendance { status session { title } } userErrors { field code message } } }`;
const GIVE = `mutation($input: FeedbackGiveInput!) { feedbackGive(input: $input) {
  feedback { rating anonymous comment } userErrors { field code message } } }`;
const FIGURES = `query($id: ID!) { node(id: $id) { ... on Session { attendanceRate averageRating feedbackCount } } }`;

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
  // A new session without any attendance or feedback yet, on the last day.
  const session = await api.db.prisma.session.create({
    data: {
      seminarId: EXAMPLE_SEMINAR_ID,
      kind: 'EVALUATION',
      title: 'Evaluation of the seminar',
      startsAt: new Date('2025-10-25T01:00:00Z'),
      endsAt: new Date('2025-10-25T02:00:00Z'),
    },
  });
  sessionId = toGlobalId('Session', session.id);
  enrollments = (
    await api.db.prisma.enrollment.findMany({
      where: { seminarId: EXAMPLE_SEMINAR_ID },
      orderBy: { id: 'asc' },
      take: 4,
    })
  ).map((row) => ({ id: toGlobalId('Enrollment', row.id), personId: row.personId }));
});
afterAll(() => api?.close());

const fromGlobal = (globalId: string) => fromGlobalId(globalId).id;

describe('attendance', () => {
  it('is recorded for many participants at once, and the session shows its rate', async () => {
    const statuses = ['PRESENT', 'LATE', 'ABSENT', 'PRESENT'];
    const { data } = await coordinator.graphql(MARK, {
      input: { sessionId, entries: enrollments.map((e, i) => ({ enrollmentId: e.id, status: statuses[i] })) },
    });
    expect(data.attendanceMark.userErrors).toEqual([]);
    expect(data.attendanceMark.attendance.map((a: { status: string }) => a.status)).toEqual(statuses);
    const figures = await coordinator.graphql(FIGURES, { id: sessionId });
    expect(figures.data.node.attendanceRate).toBe(0.75);
  });

  it("shows the rate only to those who may list the seminar's enrollments, whose list it is drawn from", async () => {
    const SEMINAR = `query($id: ID!) { node(id: $id) { ... on Seminar { attendanceRate
      enrollments(first: 0) { totalCount } } } }`;
    const seminarId = toGlobalId('Seminar', EXAMPLE_SEMINAR_ID);
    const staff = await coordinator.graphql(SEMINAR, { id: seminarId });
    expect(staff.data.node.enrollments.totalCount).toBeGreaterThan(0);
    expect(staff.data.node.attendanceRate).toBeGreaterThan(0);
    const others = [
      await api.as('COORDINATOR'),
      await api.as('REVIEWER'),
      // A participant no later test signs in as: a person has one account at most.
      await api.as('PARTICIPANT', { personId: enrollments[2]!.personId }),
    ];
    for (const other of others) {
      const seminar = await other.graphql(SEMINAR, { id: seminarId });
      expect(seminar.data.node.enrollments.totalCount).toBeLessThanOrEqual(1);
      expect(seminar.data.node.attendanceRate).toBeNull();
      expect((await other.graphql(FIGURES, { id: sessionId })).data.node.attendanceRate).toBeNull();
    }
  });

  it('records nothing when any entry is wrong', async () => {
    const before = await api.db.prisma.attendance.findMany({ orderBy: { id: 'asc' } });
    const outsider = await api.db.prisma.enrollment.create({
      data: {
        seminarId: EXAMPLE_SEMINAR_ID,
        personId: (await api.db.prisma.person.create({ data: { givenName: 'Only', familyName: 'Applied' } })).id,
        status: 'APPLIED',
      },
    });
    const { data } = await coordinator.graphql(MARK, {
      input: {
        sessionId,
        entries: [
          { enrollmentId: enrollments[0]?.id, status: 'ABSENT' },
          { enrollmentId: toGlobalId('Enrollment', outsider.id), status: 'PRESENT' },
        ],
      },
    });
    expect(data.attendanceMark.userErrors).toEqual([
      {
        field: ['input', 'entries', '1', 'enrollmentId'],
        code: 'INVALID',
        message: 'Not a confirmed participant of this seminar.',
      },
    ]);
    expect(await api.db.prisma.attendance.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});

describe('attendance with versions', () => {
  const VERSIONED = `mutation($input: AttendanceMarkInput!) { attendanceMark(input: $input) {
    attendance { status version } userErrors { field code } } }`;

  it('changes a mark only if nobody marked it since it was read, all or nothing', async () => {
    // The first test marked these four: each record is at version 1.
    const [first, second] = enrollments;
    const changed = await coordinator.graphql(VERSIONED, {
      input: { sessionId, entries: [{ enrollmentId: first?.id, status: 'EXCUSED', version: 1 }] },
    });
    expect(changed.data.attendanceMark).toEqual({ attendance: [{ status: 'EXCUSED', version: 2 }], userErrors: [] });

    // A second desk still holding version 1 of both: the stale one is named, and neither is written.
    const stale = await coordinator.graphql(VERSIONED, {
      input: {
        sessionId,
        entries: [
          { enrollmentId: second?.id, status: 'ABSENT', version: 1 },
          { enrollmentId: first?.id, status: 'ABSENT', version: 1 },
        ],
      },
    });
    expect(stale.data.attendanceMark.attendance).toEqual([]);
    expect(stale.data.attendanceMark.userErrors).toEqual([
      { field: ['input', 'entries', '1', 'version'], code: 'CONFLICT' },
    ]);
    const rows = await api.db.prisma.attendance.findMany({
      where: { sessionId: fromGlobal(sessionId) },
      orderBy: { enrollmentId: 'asc' },
    });
    expect(rows.find((row) => toGlobalId('Enrollment', row.enrollmentId) === second?.id)?.status).toBe('LATE');
    expect(rows.find((row) => toGlobalId('Enrollment', row.enrollmentId) === first?.id)?.status).toBe('EXCUSED');
  });
});

describe('feedback', () => {
  it('is given once per participant and target, and the figures follow', async () => {
    // Those marked LATE and PRESENT above; the first was EXCUSED since, and so does not rate it.
    const [first, second] = await Promise.all(
      [enrollments[3], enrollments[1]].map((e) => api.as('PARTICIPANT', { personId: e?.personId as string })),
    );
    const rate = (actor: Actor, rating: number, anonymous = false) =>
      actor.graphql(GIVE, {
        input: { seminarId: toGlobalId('Seminar', EXAMPLE_SEMINAR_ID), sessionId, rating, anonymous, comment: 'ok' },
      });
    expect((await rate(first as Actor, 5)).data.feedbackGive.userErrors).toEqual([]);
    expect((await rate(second as Actor, 2, true)).data.feedbackGive.feedback).toEqual({
      rating: 2,
      anonymous: true,
      comment: 'ok',
    });
    const twice = await rate(first as Actor, 1);
    expect(twice.data.feedbackGive.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'sessionId'] });
    const bad = await rate(first as Actor, 6);
    expect(bad.data.feedbackGive.userErrors[0].field).toEqual(['input', 'rating']);

    const figures = await coordinator.graphql(FIGURES, { id: sessionId });
    expect(figures.data.node).toMatchObject({ averageRating: 3.5, feedbackCount: 2 });

    // The audit trail keeps the anonymous rating, never its author.
    const admin = await api.as('ADMIN');
    const audit = await admin.graphql(
      '{ auditEvents(first: 5, filter: { entityType: "Feedback" }) { nodes { after actor { id } requestId } } }',
    );
    const anonymous = audit.data.auditEvents.nodes.find(
      (event: { after: { anonymous?: boolean } }) => event.after.anonymous,
    );
    expect(anonymous).toEqual({ after: { rating: 2, anonymous: true }, actor: null, requestId: null });
  });

  it('is refused to people who do not take part', async () => {
    const stranger = await api.as('PARTICIPANT', {
      personId: (await api.db.prisma.person.create({ data: { givenName: 'Not', familyName: 'There' } })).id,
    });
    const { data } = await stranger.graphql(GIVE, {
      input: { seminarId: toGlobalId('Seminar', EXAMPLE_SEMINAR_ID), rating: 4 },
    });
    expect(data.feedbackGive.userErrors[0].code).toBe('NOT_FOUND');
  });

  it("shows the seminar's coordinator how many sessions a participant attended", async () => {
    const { data } = await coordinator.graphql('query($id: ID!) { person(id: $id) { sessionsAttended } }', {
      id: toGlobalId('Person', enrollments[0]?.personId as string),
    });
    expect(data.person.sessionsAttended).toBeGreaterThan(0);
  });
});
