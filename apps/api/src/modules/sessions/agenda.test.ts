import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let speaker: string;
let venue: string;
/** A second cohort on the example seminar's days, still open: the example seminar is COMPLETED. */
let seminarId: string;
let cohortId: string;

const PAYLOAD =
  'session { id title version startsAt startsAtLocal endsAtLocal speakers { role person { id } } } userErrors { field code message }';
const CREATE = `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: SessionUpdateInput!) { sessionUpdate(input: $input) { ${PAYLOAD} } }`;

beforeAll(async () => {
  api = await startTestApi();
  const example = await api.db.prisma.seminar.findUniqueOrThrow({ where: { id: EXAMPLE_SEMINAR_ID } });
  const cohort = await api.db.prisma.seminar.create({
    data: {
      programId: example.programId,
      title: 'Digital transformation, parallel cohort',
      startDate: example.startDate,
      endDate: example.endDate,
      timezone: example.timezone,
      countryCode: example.countryCode,
      status: 'IN_PROGRESS',
    },
  });
  cohortId = cohort.id;
  seminarId = toGlobalId('Seminar', cohort.id);
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID, cohort.id] });
  // A seeded lecture: its speaker and its room are busy on 14 October, 10:00 to 12:30 in Seoul.
  const lecture = await api.db.prisma.session.findFirstOrThrow({
    where: { seminarId: EXAMPLE_SEMINAR_ID, kind: 'LECTURE' },
    include: { speakers: true },
    orderBy: { startsAt: 'asc' },
  });
  speaker = toGlobalId('Person', lecture.speakers[0]?.personId as string);
  venue = toGlobalId('Place', lecture.placeId as string);
});
afterAll(() => api?.close());

const evening = () => ({
  seminarId,
  kind: 'WORKSHOP',
  title: 'Workshop: drafting the action plans',
  startsAt: '2025-10-14T18:00:00+09:00',
  endsAt: '2025-10-14T20:00:00+09:00',
});

/** A session of the cohort, held, with one participant marked present at it. */
async function heldSession(title: string, startsAt: string) {
  const person = await api.db.prisma.person.create({ data: { givenName: 'Marked', familyName: title } });
  const enrollment = await api.db.prisma.enrollment.create({
    data: { seminarId: cohortId, personId: person.id, status: 'CONFIRMED' },
  });
  const start = new Date(startsAt);
  return api.db.prisma.session.create({
    data: {
      seminarId: cohortId,
      kind: 'LECTURE',
      title,
      startsAt: start,
      endsAt: new Date(start.getTime() + 3_600_000),
      attendance: { create: { enrollmentId: enrollment.id, status: 'PRESENT' } },
    },
  });
}

describe('the agenda', () => {
  it('adds a session with speakers, stored in UTC and shown in the seminar’s time zone', async () => {
    const { data } = await coordinator.graphql(CREATE, {
      input: { ...evening(), placeId: venue, speakers: [{ personId: speaker, role: 'FACILITATOR' }] },
    });
    expect(data.sessionCreate.userErrors).toEqual([]);
    expect(data.sessionCreate.session).toMatchObject({
      startsAt: '2025-10-14T09:00:00.000Z',
      startsAtLocal: '2025-10-14T18:00:00+09:00',
      endsAtLocal: '2025-10-14T20:00:00+09:00',
      speakers: [{ role: 'FACILITATOR', person: { id: speaker } }],
    });
  });

  it('names the clashing session when a speaker or a place is already booked', async () => {
    const before = await api.db.prisma.session.count();
    const { data } = await coordinator.graphql(CREATE, {
      input: {
        ...evening(),
        title: 'Clashing talk',
        startsAt: '2025-10-14T11:00:00+09:00',
        endsAt: '2025-10-14T12:00:00+09:00',
        placeId: venue,
        speakers: [{ personId: speaker }],
      },
    });
    const errors = data.sessionCreate.userErrors;
    expect(errors.map((error: { code: string }) => error.code)).toEqual(['CLASH', 'CLASH']);
    expect(errors.find((error: { field: string[] }) => error.field[1] === 'placeId').message).toMatch(
      /is booked for "Protecting the Digital Society/,
    );
    expect(errors.find((error: { field: string[] }) => error.field[1] === 'speakers').message).toMatch(
      /speaks at "Protecting the Digital Society.*" \(Tue 14 Oct, 10:00–12:30, Asia\/Seoul\)\./,
    );
    expect(await api.db.prisma.session.count()).toBe(before);
  });

  it('keeps sessions within the seminar’s days and after their start', async () => {
    const outside = await coordinator.graphql(CREATE, {
      input: { ...evening(), startsAt: '2025-10-26T10:00:00+09:00', endsAt: '2025-10-26T11:00:00+09:00' },
    });
    expect(outside.data.sessionCreate.userErrors[0]).toMatchObject({
      field: ['input', 'startsAt'],
      message: expect.stringMatching(/Sun 12 Oct to Sat 25 Oct 2025 \(Asia\/Seoul\)/),
    });
    // 23:30 UTC on the 11th is already the 12th in Seoul: inside.
    const edge = await coordinator.graphql(CREATE, {
      input: {
        ...evening(),
        title: 'Arrival briefing',
        kind: 'ORIENTATION',
        startsAt: '2025-10-11T23:30:00Z',
        endsAt: '2025-10-12T00:30:00Z',
      },
    });
    expect(edge.data.sessionCreate.userErrors).toEqual([]);
    const backwards = await coordinator.graphql(CREATE, {
      input: { ...evening(), startsAt: '2025-10-15T12:00:00+09:00', endsAt: '2025-10-15T11:00:00+09:00' },
    });
    expect(backwards.data.sessionCreate.userErrors[0].field).toEqual(['input', 'endsAt']);
  });

  it('lets only one of two clashing bookings sent at once pass', async () => {
    const input = {
      ...evening(),
      title: 'Race',
      startsAt: '2025-10-22T18:00:00+09:00',
      endsAt: '2025-10-22T19:00:00+09:00',
      placeId: venue,
    };
    const results = await Promise.all([coordinator.graphql(CREATE, { input }), coordinator.graphql(CREATE, { input })]);
    const passed = results.filter((result) => result.data.sessionCreate.userErrors.length === 0);
    expect(passed).toHaveLength(1);
  });

  it('checks moves too, and refuses to delete a session with attendance', async () => {
    const created = (
      await coordinator.graphql(CREATE, {
        input: {
          ...evening(),
          title: 'Movable',
          startsAt: '2025-10-23T18:00:00+09:00',
          endsAt: '2025-10-23T19:00:00+09:00',
          speakers: [{ personId: speaker }],
        },
      })
    ).data.sessionCreate.session;
    const clash = await coordinator.graphql(UPDATE, {
      input: { id: created.id, version: 1, startsAt: '2025-10-14T10:30:00+09:00', endsAt: '2025-10-14T11:30:00+09:00' },
    });
    expect(clash.data.sessionUpdate.userErrors[0].code).toBe('CLASH');
    const moved = await coordinator.graphql(UPDATE, {
      input: { id: created.id, version: 1, startsAt: '2025-10-23T17:00:00+09:00', title: 'Moved' },
    });
    expect(moved.data.sessionUpdate.session).toMatchObject({
      title: 'Moved',
      version: 2,
      startsAtLocal: '2025-10-23T17:00:00+09:00',
    });

    const DELETE =
      'mutation($input: SessionDeleteInput!) { sessionDelete(input: $input) { deletedId userErrors { code message } } }';
    const deleted = await coordinator.graphql(DELETE, { input: { id: created.id, version: 2 } });
    expect(deleted.data.sessionDelete).toEqual({ deletedId: created.id, userErrors: [] });

    const attended = await heldSession('Attended lecture', '2025-10-24T10:00:00+09:00');
    const refused = await coordinator.graphql(DELETE, {
      input: { id: toGlobalId('Session', attended.id), version: attended.version },
    });
    expect(refused.data.sessionDelete.userErrors[0]).toMatchObject({
      code: 'IN_USE',
      message: expect.stringMatching(/attendance/),
    });
  });
});

describe('the agenda of a seminar that is over', () => {
  const DELETE =
    'mutation($input: SessionDeleteInput!) { sessionDelete(input: $input) { deletedId userErrors { field code message } } }';
  /** Sessions, speakers and audit events: what a refusal must leave as it was. */
  const written = async () =>
    JSON.stringify([
      await api.db.prisma.session.findMany({ orderBy: { id: 'asc' } }),
      await api.db.prisma.sessionSpeaker.count(),
      await api.db.prisma.auditEvent.count(),
    ]);
  const closedError = (field: string, status: string) => ({
    field: ['input', field],
    code: 'INVALID_TRANSITION',
    message: `The seminar is ${status.toLowerCase()}: its agenda no longer changes.`,
  });

  it('takes no new session, no change, no speaker and no deletion once COMPLETED or CANCELLED', async () => {
    const example = toGlobalId('Seminar', EXAMPLE_SEMINAR_ID);
    const [first] = await api.db.prisma.session.findMany({
      where: { seminarId: EXAMPLE_SEMINAR_ID, attendance: { none: {} }, feedback: { none: {} } },
      orderBy: { startsAt: 'asc' },
      take: 1,
    });
    const session =
      first ?? (await api.db.prisma.session.findFirstOrThrow({ where: { seminarId: EXAMPLE_SEMINAR_ID } }));
    const before = await written();

    const added = await coordinator.graphql(CREATE, { input: { ...evening(), seminarId: example } });
    expect(added.data.sessionCreate).toEqual({ session: null, userErrors: [closedError('seminarId', 'COMPLETED')] });
    const renamed = await coordinator.graphql(UPDATE, {
      input: { id: toGlobalId('Session', session.id), version: session.version, title: 'Renamed afterwards' },
    });
    expect(renamed.data.sessionUpdate).toEqual({ session: null, userErrors: [closedError('id', 'COMPLETED')] });
    const speakers = await coordinator.graphql(UPDATE, {
      input: { id: toGlobalId('Session', session.id), version: session.version, speakers: [{ personId: speaker }] },
    });
    expect(speakers.data.sessionUpdate.userErrors).toEqual([closedError('id', 'COMPLETED')]);
    const deleted = await coordinator.graphql(DELETE, {
      input: { id: toGlobalId('Session', session.id), version: session.version },
    });
    expect(deleted.data.sessionDelete).toEqual({ deletedId: null, userErrors: [closedError('id', 'COMPLETED')] });
    expect(await written()).toBe(before);

    // A CANCELLED seminar's agenda is kept as it was, too.
    const created = (
      await coordinator.graphql(CREATE, {
        input: {
          ...evening(),
          title: 'Called off',
          startsAt: '2025-10-25T18:00:00+09:00',
          endsAt: '2025-10-25T19:00:00+09:00',
        },
      })
    ).data.sessionCreate.session;
    await api.db.prisma.seminar.update({ where: { id: cohortId }, data: { status: 'CANCELLED' } });
    try {
      const cancelled = await written();
      const moved = await coordinator.graphql(UPDATE, {
        input: { id: created.id, version: created.version, startsAt: '2025-10-25T17:00:00+09:00' },
      });
      expect(moved.data.sessionUpdate.userErrors).toEqual([closedError('id', 'CANCELLED')]);
      const more = await coordinator.graphql(CREATE, { input: { ...evening(), title: 'One more' } });
      expect(more.data.sessionCreate.userErrors).toEqual([closedError('seminarId', 'CANCELLED')]);
      expect(await written()).toBe(cancelled);
    } finally {
      await api.db.prisma.seminar.update({ where: { id: cohortId }, data: { status: 'IN_PROGRESS' } });
    }
  });

  it('keeps the times of a session with attendance, and lets its other details change', async () => {
    const held = await heldSession('Held as planned', '2025-10-21T10:00:00+09:00');
    const before = await written();
    const moved = await coordinator.graphql(UPDATE, {
      input: { id: toGlobalId('Session', held.id), version: held.version, startsAt: '2025-10-21T09:00:00+09:00' },
    });
    expect(moved.data.sessionUpdate).toEqual({
      session: null,
      userErrors: [
        {
          field: ['input', 'startsAt'],
          code: 'IN_USE',
          message: 'The session has attendance or feedback recorded as it was held; its times no longer change.',
        },
      ],
    });
    expect(await written()).toBe(before);
    const renamed = await coordinator.graphql(UPDATE, {
      input: { id: toGlobalId('Session', held.id), version: held.version, title: 'Held as planned, renamed' },
    });
    expect(renamed.data.sessionUpdate).toMatchObject({
      session: { title: 'Held as planned, renamed' },
      userErrors: [],
    });
  });
});
