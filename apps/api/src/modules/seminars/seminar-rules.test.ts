import { EXAMPLE_PROGRAM_ID, EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { calendarDay, enumWords } from '../../core/words.ts';
import { zonedDay } from '../../core/zoned-time.ts';

// The rules that keep a seminar possible: it starts and completes on its days, in its own time
// zone; its capacity covers the places taken; once over or called off, it no longer changes.
// Dates are counted from today, so that the tests mean the same whenever they run.

let api: TestApi;
let coordinator: Actor;

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] });
});
afterAll(() => api?.close());

const PAYLOAD = 'seminar { id status version capacity startDate endDate } userErrors { field code message }';
const UPDATE = `mutation($input: SeminarUpdateInput!) { seminarUpdate(input: $input) { ${PAYLOAD} } }`;
const move = (verb: string) =>
  `mutation($input: SeminarTransitionInput!) { seminar${verb}(input: $input) { ${PAYLOAD} } }`;

/** The day `days` from today in a time zone, as "YYYY-MM-DD". */
const w = (value: string) => value.split(' or ').map(enumWords).join(' or ');
const onDay = (iso: string) => calendarDay(new Date(`${iso}T00:00:00Z`));
const dayIn = (timeZone: string, days = 0) => zonedDay(new Date(Date.now() + days * 86_400_000), timeZone);

interface Ref {
  id: string;
  version: number;
}

/** A seminar of the example programme, made through the API and taken to `status` by its own steps. */
async function given(dates: { startDate: string; endDate: string; timezone?: string }, steps: string[] = []) {
  const { data } = await coordinator.graphql(
    `mutation($input: SeminarCreateInput!) { seminarCreate(input: $input) { ${PAYLOAD} } }`,
    {
      input: {
        programId: toGlobalId('Program', EXAMPLE_PROGRAM_ID),
        title: 'Digital government, spring cohort',
        countryCode: 'KR',
        timezone: 'Asia/Seoul',
        capacity: 10,
        ...dates,
      },
    },
  );
  expect(data.seminarCreate.userErrors).toEqual([]);
  let seminar: Ref = data.seminarCreate.seminar;
  for (const step of steps) seminar = await take(step, seminar);
  return seminar;
}

async function take(step: string, seminar: Ref): Promise<Ref> {
  const { data } = await coordinator.graphql(move(step), { input: { id: seminar.id, version: seminar.version } });
  expect(data[`seminar${step}`].userErrors).toEqual([]);
  return data[`seminar${step}`].seminar;
}

/** The seminar row and the audit trail: what a refusal must leave as it was. */
const written = async (seminar: Ref) =>
  JSON.stringify([
    await api.db.prisma.seminar.findUniqueOrThrow({ where: { id: fromGlobalIdOf('Seminar', seminar.id) } }),
    await api.db.prisma.auditEvent.count(),
  ]);

describe('seminarStart and seminarComplete', () => {
  it('start a seminar no earlier than its first day, counted in its own time zone', async () => {
    // The same date is today in Kiritimati (UTC+14) and, whatever the hour, not yet in Pago Pago (UTC-11).
    const today = dayIn('Pacific/Kiritimati');
    const early = await given({ startDate: today, endDate: today, timezone: 'Pacific/Pago_Pago' }, ['Publish']);
    const before = await written(early);
    const { data } = await coordinator.graphql(move('Start'), { input: { id: early.id, version: early.version } });
    expect(data.seminarStart).toEqual({
      seminar: null,
      userErrors: [
        {
          field: ['input', 'id'],
          code: 'INVALID_TRANSITION',
          message: `The seminar's first day, ${onDay(today)} (Pacific/Pago_Pago), has not begun: it cannot start before then.`,
        },
      ],
    });
    expect(await written(early)).toBe(before);

    const onTime = await given({ startDate: today, endDate: today, timezone: 'Pacific/Kiritimati' }, ['Publish']);
    expect(await take('Start', onTime)).toMatchObject({ status: 'IN_PROGRESS' });
  });

  it('complete a seminar once its last day has begun, not before', async () => {
    const running = await given({ startDate: dayIn('Asia/Seoul', -2), endDate: dayIn('Asia/Seoul', 3) }, [
      'Publish',
      'Start',
    ]);
    const before = await written(running);
    const { data } = await coordinator.graphql(move('Complete'), {
      input: { id: running.id, version: running.version },
    });
    expect(data.seminarComplete.seminar).toBeNull();
    expect(data.seminarComplete.userErrors).toEqual([
      {
        field: ['input', 'id'],
        code: 'INVALID_TRANSITION',
        message: `The seminar's last day, ${onDay(dayIn('Asia/Seoul', 3))} (Asia/Seoul), has not begun: it cannot complete before then.`,
      },
    ]);
    expect(await written(running)).toBe(before);

    // Ending it today (the programme was cut short) lets it complete.
    const shortened = (
      await coordinator.graphql(UPDATE, {
        input: { id: running.id, version: running.version, endDate: dayIn('Asia/Seoul') },
      })
    ).data.seminarUpdate.seminar;
    expect(await take('Complete', shortened)).toMatchObject({ status: 'COMPLETED' });
  });

  it('keep a seminar in progress on a first day that has begun', async () => {
    const running = await given({ startDate: dayIn('Asia/Seoul', -1), endDate: dayIn('Asia/Seoul', 5) }, [
      'Publish',
      'Start',
    ]);
    const before = await written(running);
    const { data } = await coordinator.graphql(UPDATE, {
      input: { id: running.id, version: running.version, startDate: dayIn('Asia/Seoul', 2) },
    });
    expect(data.seminarUpdate.userErrors).toEqual([
      {
        field: ['input', 'startDate'],
        code: 'INVALID',
        message: 'The seminar is in progress: its first day must be one that has begun.',
      },
    ]);
    expect(await written(running)).toBe(before);
  });
});

describe('seminarUpdate', () => {
  it('never lowers the capacity below the places taken (accepted, confirmed and completed)', async () => {
    const seminar = await given({ startDate: dayIn('Asia/Seoul', 30), endDate: dayIn('Asia/Seoul', 40) }, ['Publish']);
    const seminarId = fromGlobalIdOf('Seminar', seminar.id);
    const statuses = ['ACCEPTED', 'CONFIRMED', 'CONFIRMED', 'APPLIED', 'WAITLISTED', 'WITHDRAWN'] as const;
    for (const [index, status] of statuses.entries()) {
      const person = await api.db.prisma.person.create({ data: { givenName: `Place ${index}`, familyName: 'Holder' } });
      await api.db.prisma.enrollment.create({ data: { seminarId, personId: person.id, status } });
    }
    const before = await written(seminar);
    const { data } = await coordinator.graphql(UPDATE, {
      input: { id: seminar.id, version: seminar.version, capacity: 2, title: 'Smaller room' },
    });
    expect(data.seminarUpdate).toEqual({
      seminar: null,
      userErrors: [
        {
          field: ['input', 'capacity'],
          code: 'INVALID',
          message: '3 places are taken (accepted, confirmed or completed); capacity cannot be lower.',
        },
      ],
    });
    expect(await written(seminar)).toBe(before);
    const exact = await coordinator.graphql(UPDATE, {
      input: { id: seminar.id, version: seminar.version, capacity: 3 },
    });
    expect(exact.data.seminarUpdate).toMatchObject({ seminar: { capacity: 3 }, userErrors: [] });
  });

  it('changes nothing in a COMPLETED or CANCELLED seminar', async () => {
    const example = await api.db.prisma.seminar.findUniqueOrThrow({ where: { id: EXAMPLE_SEMINAR_ID } });
    const completed = { id: toGlobalId('Seminar', example.id), version: example.version };
    const cancelled = await given({ startDate: dayIn('Asia/Seoul', 30), endDate: dayIn('Asia/Seoul', 40) }, ['Cancel']);
    for (const [seminar, status] of [
      [completed, 'COMPLETED'],
      [cancelled, 'CANCELLED'],
    ] as const) {
      const before = await written(seminar);
      const { data } = await coordinator.graphql(UPDATE, {
        input: { id: seminar.id, version: seminar.version, title: 'Renamed afterwards', capacity: 40 },
      });
      expect(data.seminarUpdate).toEqual({
        seminar: null,
        userErrors: [
          {
            field: ['input', 'id'],
            code: 'INVALID_TRANSITION',
            message: `The seminar is ${w(status)}: it no longer changes.`,
          },
        ],
      });
      expect(await written(seminar)).toBe(before);
    }
  });
});
