import { EXAMPLE_PROGRAM_ID, EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalId, toGlobalId } from '../../core/node-id.ts';

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

const UPDATE_PERSON = `mutation($input: UserUpdateInput!) {
  userUpdate(input: $input) { user { version person { id } } userErrors { field code message } }
}`;
const RESET = `mutation($input: UserPasswordResetInput!) {
  userPasswordReset(input: $input) { user { id version } generatedPassword userErrors { field code message } }
}`;
const ASSIGNED = `query($id: ID!) { node(id: $id) { ... on User {
  coordinatedPrograms { id title } coordinatedSeminars { id title }
} } }`;

async function accountWith(email: string, password: string, role = 'PARTICIPANT', personId?: string) {
  const created = await admin.graphql(CREATE, { input: { email, role, password, ...(personId ? { personId } : {}) } });
  expect(created.data.userCreate.userErrors).toEqual([]);
  return created.data.userCreate.user as { id: string; version: number };
}
const tokenOf = async (email: string, password: string) =>
  (await api.graphql(LOGIN, { e: email, p: password })).data.login.token as string | null;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('linking an account to a person', () => {
  it('links, refuses a person who already has an account, and unlinks', async () => {
    const [first, second] = await api.db.prisma.person.findMany({
      where: { user: null },
      take: 2,
      orderBy: { id: 'asc' },
    });
    const firstId = toGlobalId('Person', first!.id);
    const secondId = toGlobalId('Person', second!.id);
    const holder = await accountWith('holder@example.org', 'holder password ok', 'PARTICIPANT', firstId);
    const other = await accountWith('other@example.org', 'other password ok');

    const taken = await admin.graphql(UPDATE_PERSON, { input: { id: other.id, version: 1, personId: firstId } });
    expect(taken.data.userUpdate.userErrors).toEqual([
      {
        field: ['input', 'personId'],
        code: 'CONFLICT',
        message: 'This person already has an account (holder@example.org).',
      },
    ]);
    const missing = await admin.graphql(UPDATE_PERSON, {
      input: { id: other.id, version: 1, personId: toGlobalId('Person', '00000000-0000-7000-8000-000000000000') },
    });
    expect(missing.data.userUpdate.userErrors).toMatchObject([{ field: ['input', 'personId'], code: 'NOT_FOUND' }]);
    expect(await api.db.prisma.user.findUnique({ where: { email: 'other@example.org' } })).toMatchObject({
      personId: null,
      version: 1,
    });

    const linked = await admin.graphql(UPDATE_PERSON, { input: { id: other.id, version: 1, personId: secondId } });
    expect(linked.data.userUpdate).toEqual({ user: { version: 2, person: { id: secondId } }, userErrors: [] });
    // Linked while signed in: the next request already acts as that person.
    const token = (await tokenOf('other@example.org', 'other password ok'))!;
    const me = await api.graphql('{ viewer { user { person { id } } } }', {}, bearer(token));
    expect(me.data.viewer.user.person).toEqual({ id: secondId });

    const unlinked = await admin.graphql(UPDATE_PERSON, { input: { id: holder.id, version: 1, personId: null } });
    expect(unlinked.data.userUpdate).toEqual({ user: { version: 2, person: null }, userErrors: [] });
    const audit = await api.db.prisma.auditEvent.findFirst({
      where: { action: 'user.update', entityId: fromGlobalId(holder.id).id },
      orderBy: { id: 'desc' },
    });
    expect(audit?.before).toMatchObject({ personId: first!.id });
    expect(audit?.after).toMatchObject({ personId: null });
  });

  it('is for administrators only', async () => {
    const coordinator = await api.as('COORDINATOR');
    const account = await accountWith('linkme@example.org', 'linkme password ok');
    const response = await coordinator.graphql(UPDATE_PERSON, {
      input: { id: account.id, version: 1, personId: null },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("a coordinator's assignments, read back", () => {
  it('lists the programmes and seminars assigned, to administrators and to the coordinator, and a demotion drops them', async () => {
    const coordinator = await accountWith('assigned@example.org', 'assigned password ok', 'COORDINATOR');
    const seminar = await api.db.prisma.seminar.findUniqueOrThrow({ where: { id: EXAMPLE_SEMINAR_ID } });
    const program = await api.db.prisma.program.findUniqueOrThrow({ where: { id: EXAMPLE_PROGRAM_ID } });
    const set = await admin.graphql(
      'mutation($input: CoordinatorAssignmentsSetInput!) { coordinatorAssignmentsSet(input: $input) { userErrors { code } } }',
      {
        input: {
          userId: coordinator.id,
          programIds: [toGlobalId('Program', program.id)],
          seminarIds: [toGlobalId('Seminar', seminar.id)],
        },
      },
    );
    expect(set.data.coordinatorAssignmentsSet.userErrors).toEqual([]);
    const expected = {
      coordinatedPrograms: [{ id: toGlobalId('Program', program.id), title: program.title }],
      coordinatedSeminars: [{ id: toGlobalId('Seminar', seminar.id), title: seminar.title }],
    };
    expect((await admin.graphql(ASSIGNED, { id: coordinator.id })).data.node).toEqual(expected);
    const listed = await admin.graphql(
      '{ users(first: 100) { nodes { email coordinatedPrograms { title } coordinatedSeminars { title } } } }',
    );
    expect(listed.data.users.nodes.find((u: { email: string }) => u.email === 'assigned@example.org')).toMatchObject({
      coordinatedPrograms: [{ title: program.title }],
    });
    const token = (await tokenOf('assigned@example.org', 'assigned password ok'))!;
    const own = await api.graphql(
      '{ viewer { user { coordinatedPrograms { id title } coordinatedSeminars { id title } } } }',
      {},
      bearer(token),
    );
    expect(own.data.viewer.user).toEqual(expected);
    // Another account is not seen, so neither are its assignments.
    expect((await api.graphql(ASSIGNED, { id: toGlobalId('User', admin.userId) }, bearer(token))).data.node).toBeNull();

    const demoted = await admin.graphql(UPDATE_PERSON.replace('person { id }', 'role'), {
      input: { id: coordinator.id, version: 1, role: 'REVIEWER' },
    });
    expect(demoted.data.userUpdate.userErrors).toEqual([]);
    expect((await admin.graphql(ASSIGNED, { id: coordinator.id })).data.node).toEqual({
      coordinatedPrograms: [],
      coordinatedSeminars: [],
    });
  });
});

describe('an administrator resets a password', () => {
  it('sets the password given, signs the account out everywhere and records it', async () => {
    const account = await accountWith('forgetful@example.org', 'forgotten password');
    const token = (await tokenOf('forgetful@example.org', 'forgotten password'))!;
    const reset = await admin.graphql(RESET, { input: { id: account.id, password: 'a fresh start here' } });
    expect(reset.data.userPasswordReset).toEqual({
      user: { id: account.id, version: 2 },
      generatedPassword: null,
      userErrors: [],
    });
    expect((await api.graphql('{ viewer { kind } }', {}, bearer(token))).status).toBe(401);
    expect(await tokenOf('forgetful@example.org', 'forgotten password')).toBeNull();
    expect(await tokenOf('forgetful@example.org', 'a fresh start here')).toMatch(/^shs_/);
    const audit = await api.db.prisma.auditEvent.findFirst({
      where: { action: 'user.passwordReset', entityId: fromGlobalId(account.id).id },
    });
    expect(audit?.after).toMatchObject({ sessionsRevoked: 1 });
    expect(JSON.stringify(audit)).not.toContain('a fresh start here');
  });

  it('generates a password shown once, and the account signs in with it even after failed attempts', async () => {
    const account = await accountWith('locked@example.org', 'locked out password');
    for (let attempt = 0; attempt < 5; attempt++) await tokenOf('locked@example.org', 'wrong guess here');
    const reset = await admin.graphql(RESET, { input: { id: account.id } });
    const { generatedPassword } = reset.data.userPasswordReset;
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await tokenOf('locked@example.org', generatedPassword)).toMatch(/^shs_/);
  });

  it('refuses a weak password, a missing account and your own, changing nothing', async () => {
    const account = await accountWith('steady@example.org', 'steady password ok');
    const token = (await tokenOf('steady@example.org', 'steady password ok'))!;
    const weak = await admin.graphql(RESET, { input: { id: account.id, password: 'short' } });
    expect(weak.data.userPasswordReset.userErrors).toEqual([
      { field: ['input', 'password'], code: 'INVALID', message: 'Use at least 12 characters.' },
    ]);
    const same = await admin.graphql(RESET, { input: { id: account.id, password: 'steady@example.org' } });
    expect(same.data.userPasswordReset.userErrors).toMatchObject([{ field: ['input', 'password'], code: 'INVALID' }]);
    const own = await admin.graphql(RESET, { input: { id: toGlobalId('User', admin.userId) } });
    expect(own.data.userPasswordReset.userErrors).toMatchObject([{ field: ['input', 'id'], code: 'INVALID' }]);
    const missing = await admin.graphql(RESET, {
      input: { id: toGlobalId('User', '00000000-0000-7000-8000-000000000000') },
    });
    expect(missing.data.userPasswordReset.userErrors).toMatchObject([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);

    expect((await api.graphql('{ viewer { kind } }', {}, bearer(token))).status).toBe(200);
    expect(await tokenOf('steady@example.org', 'steady password ok')).toMatch(/^shs_/);
    expect(await api.db.prisma.user.findUnique({ where: { email: 'steady@example.org' } })).toMatchObject({
      version: 1,
    });
  });

  it('is for administrators only', async () => {
    const account = await accountWith('target@example.org', 'target password ok');
    for (const role of ['COORDINATOR', 'REVIEWER', 'PARTICIPANT'] as const) {
      const other = await api.as(role);
      const response = await other.graphql(RESET, { input: { id: account.id, password: 'taken over now!' } });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await tokenOf('target@example.org', 'target password ok')).toMatch(/^shs_/);
  });
});
