import { EXAMPLE_PROGRAM_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let admin: Actor;
const program = toGlobalId('Program', EXAMPLE_PROGRAM_ID);

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] });
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

const PAYLOAD = 'seminar { id title status version startDate endDate } userErrors { field code message }';
const CREATE = `mutation($input: SeminarCreateInput!) { seminarCreate(input: $input) { ${PAYLOAD} } }`;
const move = (verb: string) =>
  `mutation($input: SeminarTransitionInput!) { seminar${verb}(input: $input) { ${PAYLOAD} } }`;
const NEXT_COHORT = {
  programId: program,
  title: 'Building the Capacity of Civil Servants in Digital Transformation, 2026 cohort',
  startDate: '2026-10-11',
  endDate: '2026-10-24',
  timezone: 'Asia/Seoul',
  countryCode: 'KR',
  capacity: 25,
};

async function create(actor: Actor = coordinator) {
  const { data } = await actor.graphql(CREATE, { input: NEXT_COHORT });
  expect(data.seminarCreate.userErrors).toEqual([]);
  return data.seminarCreate.seminar as { id: string; version: number; status: string };
}

describe('the seminar life cycle', () => {
  it('goes DRAFT, PUBLISHED, IN_PROGRESS, COMPLETED, and the public sees it once published', async () => {
    const seminar = await create();
    expect(seminar).toMatchObject({ status: 'DRAFT', version: 1 });
    const publicView = () => api.graphql('query($id: ID!) { seminar(id: $id) { status } }', { id: seminar.id });
    expect((await publicView()).data.seminar).toBeNull();

    let version = 1;
    for (const [verb, status] of [
      ['Publish', 'PUBLISHED'],
      ['Start', 'IN_PROGRESS'],
      ['Complete', 'COMPLETED'],
    ] as const) {
      const { data } = await coordinator.graphql(move(verb), { input: { id: seminar.id, version } });
      const result = data[`seminar${verb}`];
      expect(result.userErrors).toEqual([]);
      expect(result.seminar).toMatchObject({ status, version: version + 1 });
      version += 1;
      if (status === 'PUBLISHED') expect((await publicView()).data.seminar).toEqual({ status: 'PUBLISHED' });
    }

    const { data } = await admin.graphql(
      'query($id: ID!) { auditEvents(first: 10, filter: { entityId: $id }) { nodes { action before after } } }',
      { id: seminar.id },
    );
    expect(data.auditEvents.nodes.map((event: { action: string }) => event.action)).toEqual([
      'seminar.complete',
      'seminar.start',
      'seminar.publish',
      'seminar.create',
    ]);
    expect(data.auditEvents.nodes[0]).toMatchObject({
      before: { status: 'IN_PROGRESS' },
      after: { status: 'COMPLETED' },
    });
  });

  it('refuses every other move with INVALID_TRANSITION and writes nothing', async () => {
    const seminar = await create();
    const refusals: [string, number][] = [
      ['Start', 1],
      ['Complete', 1],
    ];
    for (const [verb, version] of refusals) {
      const audit = await api.db.prisma.auditEvent.count();
      const { data } = await coordinator.graphql(move(verb), { input: { id: seminar.id, version } });
      expect(data[`seminar${verb}`]).toMatchObject({
        seminar: null,
        userErrors: [
          {
            code: 'INVALID_TRANSITION',
            field: ['input', 'id'],
            message: expect.stringMatching(
              /The seminar is draft: "(start|complete)" needs it to be (published|in progress)\./,
            ),
          },
        ],
      });
      expect(await api.db.prisma.auditEvent.count()).toBe(audit);
    }
    const cancelled = (await coordinator.graphql(move('Cancel'), { input: { id: seminar.id, version: 1 } })).data
      .seminarCancel;
    expect(cancelled.seminar.status).toBe('CANCELLED');
    for (const verb of ['Publish', 'Start', 'Complete', 'Cancel']) {
      const { data } = await coordinator.graphql(move(verb), { input: { id: seminar.id, version: 2 } });
      expect(data[`seminar${verb}`].userErrors[0].code).toBe('INVALID_TRANSITION');
    }
    const stored = await api.db.prisma.seminar.findUniqueOrThrow({
      where: { id: Buffer.from(seminar.id, 'base64url').toString().split(':')[1] },
    });
    expect(stored).toMatchObject({ status: 'CANCELLED', version: 2 });
  });

  it('refuses a stale version with CONFLICT', async () => {
    const seminar = await create();
    await coordinator.graphql(move('Publish'), { input: { id: seminar.id, version: 1 } });
    const { data } = await coordinator.graphql(move('Cancel'), { input: { id: seminar.id, version: 1 } });
    expect(data.seminarCancel.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
  });
});

describe('creating and changing seminars', () => {
  it('checks dates, zone, country and capacity, naming each field, and writes nothing', async () => {
    const before = await api.db.prisma.seminar.count();
    const { data } = await coordinator.graphql(CREATE, {
      input: {
        ...NEXT_COHORT,
        title: '',
        startDate: '2026-10-24',
        endDate: '2026-10-11',
        timezone: 'Mars/Olympus',
        countryCode: 'Korea',
        capacity: 0,
      },
    });
    expect(data.seminarCreate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual(
      ['capacity', 'countryCode', 'endDate', 'timezone', 'title'].sort(),
    );
    const badDate = await coordinator.graphql(CREATE, { input: { ...NEXT_COHORT, startDate: '2026-02-30' } });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.db.prisma.seminar.count()).toBe(before);
  });

  it('keeps the agenda within the dates: shrinking them past a session is refused', async () => {
    const seminar = await create();
    // A session on 20 October, Seoul time, in the new cohort's days (11 to 24 October).
    await api.db.prisma.session.create({
      data: {
        seminarId: fromGlobalIdOf('Seminar', seminar.id),
        kind: 'LECTURE',
        title: 'Data governance',
        startsAt: new Date('2026-10-20T10:00:00+09:00'),
        endsAt: new Date('2026-10-20T11:00:00+09:00'),
      },
    });
    const UPDATE = `mutation($input: SeminarUpdateInput!) { seminarUpdate(input: $input) { ${PAYLOAD} } }`;
    const { data } = await coordinator.graphql(UPDATE, {
      input: { id: seminar.id, version: seminar.version, endDate: '2026-10-15' },
    });
    expect(data.seminarUpdate.userErrors[0]).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/session\(s\) of the agenda/),
    });
    // A time zone that puts the session on another day counts too: 10:00 in Seoul is the 19th in Honolulu.
    const zone = await coordinator.graphql(UPDATE, {
      input: { id: seminar.id, version: seminar.version, startDate: '2026-10-20', timezone: 'Pacific/Honolulu' },
    });
    expect(zone.data.seminarUpdate.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'startDate'] });
    const moved = await coordinator.graphql(UPDATE, {
      input: { id: seminar.id, version: seminar.version, endDate: '2026-10-26', title: ' Renamed ' },
    });
    expect(moved.data.seminarUpdate.seminar).toMatchObject({ endDate: '2026-10-26', title: 'Renamed' });
  });

  it('is refused to coordinators of other programmes, as if the seminar did not exist', async () => {
    const seminar = await create();
    const stranger = await api.as('COORDINATOR');
    const create2 = await stranger.graphql(CREATE, { input: NEXT_COHORT });
    expect(create2.data.seminarCreate.userErrors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'programId'],
    });
    const publish = await stranger.graphql(move('Publish'), { input: { id: seminar.id, version: 1 } });
    const missing = await stranger.graphql(move('Publish'), {
      input: { id: toGlobalId('Seminar', '00000000-0000-7000-8000-000000000000'), version: 1 },
    });
    expect(publish.data.seminarPublish).toEqual(missing.data.seminarPublish);
    const participant = await api.as('PARTICIPANT');
    expect((await participant.graphql(CREATE, { input: NEXT_COHORT })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
