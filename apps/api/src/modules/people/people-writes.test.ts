import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
const PAYLOAD =
  'person { id fullName jobTitle email phone sex birthYear nationality version } userErrors { field code message }';
const CREATE = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${PAYLOAD} } }`;

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
});
afterAll(() => api?.close());

describe('people', () => {
  it('are recorded by staff with their reporting details, emails unique', async () => {
    const input = {
      givenName: ' Malika ',
      familyName: 'Rashidova',
      jobTitle: 'Head of e-Government Projects',
      email: 'Malika.Rashidova@Example.org',
      phone: '+998 71 200 00 00',
      sex: 'FEMALE',
      birthYear: 1987,
      nationality: 'UZ',
    };
    const { data } = await coordinator.graphql(CREATE, { input });
    expect(data.personCreate.userErrors).toEqual([]);
    // A new person is in no seminar yet, so only administrators and the person see their details.
    const admin = await api.as('ADMIN');
    const stored = await admin.graphql(
      'query($id: ID!) { person(id: $id) { fullName email sex birthYear nationality } }',
      {
        id: data.personCreate.person.id,
      },
    );
    expect(stored.data.person).toEqual({
      fullName: 'Malika Rashidova',
      email: 'malika.rashidova@example.org',
      sex: 'FEMALE',
      birthYear: 1987,
      nationality: 'UZ',
    });
    const duplicate = await coordinator.graphql(CREATE, { input: { ...input, email: 'malika.rashidova@example.org' } });
    expect(duplicate.data.personCreate.userErrors).toEqual([
      { field: ['input', 'email'], code: 'CONFLICT', message: 'Another person has this email.' },
    ]);
  });

  it('checks every field, writing nothing', async () => {
    const before = await api.db.prisma.person.count();
    const { data } = await coordinator.graphql(CREATE, {
      input: {
        givenName: '',
        familyName: 'X',
        email: 'nope',
        phone: 'call me',
        birthYear: 2030,
        nationality: 'Uzbekistan',
      },
    });
    expect(data.personCreate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual(
      ['birthYear', 'email', 'givenName', 'nationality', 'phone'].sort(),
    );
    expect(await api.db.prisma.person.count()).toBe(before);
  });

  it('lets a person change their own record, and nobody else’s', async () => {
    const [mine, theirs] = await api.db.prisma.person.findMany({
      where: { enrollments: { some: {} } },
      take: 2,
      orderBy: { id: 'asc' },
    });
    if (!mine || !theirs) throw new Error('the seed enrolls people');
    const participant = await api.as('PARTICIPANT', { personId: mine.id });
    const own = await participant.graphql(UPDATE, {
      input: { id: toGlobalId('Person', mine.id), version: mine.version, jobTitle: 'Chief Specialist' },
    });
    expect(own.data.personUpdate.person).toMatchObject({ jobTitle: 'Chief Specialist', version: mine.version + 1 });
    const stale = await participant.graphql(UPDATE, {
      input: { id: toGlobalId('Person', mine.id), version: mine.version, jobTitle: 'Again' },
    });
    expect(stale.data.personUpdate.userErrors[0].code).toBe('CONFLICT');
    const other = await participant.graphql(UPDATE, {
      input: { id: toGlobalId('Person', theirs.id), version: theirs.version, jobTitle: 'Hacked' },
    });
    expect(other.data.personUpdate.userErrors[0].code).toBe('NOT_FOUND');
    expect((await api.db.prisma.person.findUniqueOrThrow({ where: { id: theirs.id } })).jobTitle).toBe(theirs.jobTitle);
  });
});
