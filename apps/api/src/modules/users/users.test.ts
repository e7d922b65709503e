import { EXAMPLE_PROGRAM_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let admin: Actor;
beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

const CREATE = `mutation($input: UserCreateInput!) {
  userCreate(input: $input) { user { id email role version } generatedPassword userErrors { field code message } }
}`;
const LOGIN =
  'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token userErrors { code } } }';

describe('account administration', () => {
  it('creates a coordinator with a generated password, assigns a programme, and the coordinator sees its draft seminar', async () => {
    const draft = await api.db.prisma.seminar.create({
      data: {
        programId: EXAMPLE_PROGRAM_ID,
        title: 'Planned cohort',
        startDate: new Date('2026-10-11'),
        endDate: new Date('2026-10-24'),
        timezone: 'Asia/Seoul',
        countryCode: 'KR',
      },
    });
    const created = await admin.graphql(CREATE, { input: { email: ' Coordinator@Example.org ', role: 'COORDINATOR' } });
    const { user, generatedPassword, userErrors } = created.data.userCreate;
    expect(userErrors).toEqual([]);
    expect(user).toMatchObject({ email: 'coordinator@example.org', role: 'COORDINATOR', version: 1 });
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const assigned = await admin.graphql(
      'mutation($input: CoordinatorAssignmentsSetInput!) { coordinatorAssignmentsSet(input: $input) { userErrors { code } } }',
      { input: { userId: user.id, programIds: [toGlobalId('Program', EXAMPLE_PROGRAM_ID)], seminarIds: [] } },
    );
    expect(assigned.data.coordinatorAssignmentsSet.userErrors).toEqual([]);

    const token = (await api.graphql(LOGIN, { e: 'coordinator@example.org', p: generatedPassword })).data.login.token;
    const seen = await api.graphql(
      '{ seminars(first: 10) { nodes { title } } }',
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(seen.data.seminars.nodes.map((node: { title: string }) => node.title)).toContain(draft.title);
  });

  it('refuses a duplicate email, a bad email and a weak password, writing nothing', async () => {
    await admin.graphql(CREATE, {
      input: { email: 'taken@example.org', role: 'PARTICIPANT', password: 'a long enough password' },
    });
    const before = await api.db.prisma.user.count();
    const duplicate = await admin.graphql(CREATE, {
      input: { email: 'TAKEN@example.org', role: 'REVIEWER', password: 'another long password' },
    });
    expect(duplicate.data.userCreate.userErrors).toEqual([
      { field: ['input', 'email'], code: 'CONFLICT', message: 'An account with this email exists.' },
    ]);
    const bad = await admin.graphql(CREATE, { input: { email: 'not-an-email', role: 'REVIEWER', password: 'short' } });
    expect(bad.data.userCreate.userErrors.map((error: { field: string[] }) => error.field[1])).toEqual([
      'email',
      'password',
    ]);
    expect(await api.db.prisma.user.count()).toBe(before);
  });

  it('changes a role with a version check, and disabling signs the account out', async () => {
    const created = await admin.graphql(CREATE, {
      input: { email: 'reviewer@example.org', role: 'REVIEWER', password: 'reviewer password ok' },
    });
    const { id } = created.data.userCreate.user;
    const token = (await api.graphql(LOGIN, { e: 'reviewer@example.org', p: 'reviewer password ok' })).data.login.token;
    const UPDATE = `mutation($input: UserUpdateInput!) { userUpdate(input: $input) { user { role version disabledAt } userErrors { field code } } }`;

    const stale = await admin.graphql(UPDATE, { input: { id, version: 7, role: 'COORDINATOR' } });
    expect(stale.data.userUpdate.userErrors).toEqual([{ field: ['input', 'version'], code: 'CONFLICT' }]);

    const disabled = await admin.graphql(UPDATE, { input: { id, version: 1, disabled: true } });
    expect(disabled.data.userUpdate.user).toMatchObject({
      role: 'REVIEWER',
      version: 2,
      disabledAt: expect.any(String),
    });
    expect((await api.graphql('{ viewer { kind } }', {}, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect(
      (await api.graphql(LOGIN, { e: 'reviewer@example.org', p: 'reviewer password ok' })).data.login.token,
    ).toBeNull();
  });

  it('does not let an administrator lock themselves out', async () => {
    const UPDATE = 'mutation($input: UserUpdateInput!) { userUpdate(input: $input) { userErrors { code } } }';
    const result = await admin.graphql(UPDATE, {
      input: { id: toGlobalId('User', admin.userId), version: 1, disabled: true },
    });
    expect(result.data.userUpdate.userErrors).toEqual([{ code: 'INVALID' }]);
  });
});
