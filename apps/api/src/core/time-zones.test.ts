import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../../test/row-counts.ts';
import { type Actor, startTestApi, type TestApi } from '../../test/testkit.ts';
import { toGlobalId } from './node-id.ts';
import { knownToNode, timeZonesOf } from './time-zones.ts';

/**
 * A seminar's time zone must be one this PostgreSQL knows as well as Node: the lists differ between
 * servers (the embedded 18 and a system 15 ship other tz databases), which is why this file runs on
 * both (vitest.database.config.ts).
 */

let api: TestApi;
let admin: Actor;
let programId: string;
let pgZones: Set<string>;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
  programId = toGlobalId('Program', (await api.db.prisma.program.findFirstOrThrow()).id);
  const { rows } = await api.db.pool.query<{ name: string }>('SELECT name FROM pg_timezone_names');
  pgZones = new Set(rows.map(({ name }) => name));
  console.log(`this PostgreSQL knows ${pgZones.size} zone names`);
});
afterAll(() => api.close());

const SEMINAR_CREATE = `mutation ($input: SeminarCreateInput!) {
  seminarCreate(input: $input) { seminar { id version timezone } userErrors { field message code } }
}`;
const SEMINAR_UPDATE = `mutation ($input: SeminarUpdateInput!) {
  seminarUpdate(input: $input) { seminar { id version timezone } userErrors { field message code } }
}`;

const create = (timezone: string) =>
  admin.graphql(SEMINAR_CREATE, {
    input: { programId, title: 'Zones', startDate: '2031-03-01', endDate: '2031-03-05', timezone, countryCode: 'UZ' },
  });

describe('time zones', () => {
  it('refuses a zone Node knows and this PostgreSQL does not (US/Pacific-New), writing nothing', async () => {
    // The zone of the report: dropped from tzdata in 2020, still an alias in Node's ICU.
    expect(knownToNode('US/Pacific-New'), 'Node should still know US/Pacific-New').toBe(true);
    expect(pgZones.has('US/Pacific-New'), 'this PostgreSQL should not know US/Pacific-New').toBe(false);
    const before = await rowCounts(api.db);
    const { data } = await create('US/Pacific-New');
    expect(data.seminarCreate).toEqual({
      seminar: null,
      userErrors: [
        {
          field: ['input', 'timezone'],
          code: 'INVALID',
          message: expect.stringMatching(/time zone that PostgreSQL knows/),
        },
      ],
    });
    expect(await rowCounts(api.db)).toEqual(before);
  });

  it('refuses it on an update too, leaving the seminar as it was', async () => {
    const { data: created } = await create('Asia/Tashkent');
    const seminar = created.seminarCreate.seminar;
    const before = await rowCounts(api.db);
    const { data } = await admin.graphql(SEMINAR_UPDATE, {
      input: { id: seminar.id, version: seminar.version, timezone: 'US/Pacific-New' },
    });
    expect(data.seminarUpdate.userErrors).toMatchObject([{ field: ['input', 'timezone'] }]);
    expect(await rowCounts(api.db)).toEqual(before);
    // The update that used to fail with INTERNAL_SERVER_ERROR once a bad zone was stored.
    const { data: moved, errors } = await admin.graphql(SEMINAR_UPDATE, {
      input: { id: seminar.id, version: seminar.version, timezone: 'Asia/Seoul', endDate: '2031-03-06' },
    });
    expect(errors).toBeUndefined();
    expect(moved.seminarUpdate).toMatchObject({ seminar: { timezone: 'Asia/Seoul' }, userErrors: [] });
  });

  it('names the spelling this PostgreSQL uses for a zone written in another case', async () => {
    const { data } = await create('asia/tashkent');
    expect(data.seminarCreate.userErrors).toMatchObject([
      { field: ['input', 'timezone'], message: 'Write the time zone as "Asia/Tashkent".' },
    ]);
  });

  it('accepts only zones that both sides can use: every one works in AT TIME ZONE and in Intl', async () => {
    const zones = await timeZonesOf(api.db.prisma);
    const candidates = [...new Set([...pgZones, ...Intl.supportedValuesOf('timeZone'), 'US/Pacific-New', 'EST'])];
    const accepted = candidates.filter((zone) => zones.has(zone));
    console.log(`${accepted.length} of ${candidates.length} candidate names accepted`);
    expect(accepted.length).toBeGreaterThan(300);
    for (const refused of ['posixrules', 'Factory', 'localtime', 'EST', 'US/Pacific-New', 'posix/Asia/Seoul']) {
      expect(zones.has(refused), refused).toBe(false);
    }
    const { rows } = await api.db.pool.query<{ zone: string; day: string }>(
      `SELECT zone, (TIMESTAMPTZ '2031-03-01 12:00:00Z' AT TIME ZONE zone)::date::text AS day
         FROM unnest($1::text[]) AS zone`,
      [accepted],
    );
    expect(rows).toHaveLength(accepted.length);
    for (const zone of accepted) expect(knownToNode(zone), zone).toBe(true);
  });

  it('loads the list once per database and shares it', async () => {
    expect(await timeZonesOf(api.db.prisma)).toBe(await timeZonesOf(api.db.prisma));
  });
});
