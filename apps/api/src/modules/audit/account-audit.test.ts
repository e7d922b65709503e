import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

/** Changes to accounts and access are on the audit trail like any other, without their secrets. */
let api: TestApi;
let admin: Awaited<ReturnType<TestApi['as']>>;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

async function trail(entityId: string) {
  const { data, errors } = await admin.graphql(
    'query($id: ID!) { auditEvents(first: 20, filter: { entityId: $id }) { nodes { action before after actor { id } } } }',
    { id: entityId },
  );
  expect(errors).toBeUndefined();
  return data.auditEvents.nodes as { action: string; before: any; after: any; actor: { id: string } | null }[];
}

describe('the audit trail of accounts and access', () => {
  it('records account creation, sign-in, password change, role change and sign-out, never a hash', async () => {
    const created = await admin.graphql(
      'mutation { userCreate(input: { email: "audited@example.org", role: PARTICIPANT, password: "a long enough password" }) { user { id version } } }',
    );
    const user = created.data.userCreate.user as { id: string; version: number };

    const login = await api.graphql(
      'mutation { login(input: { email: "audited@example.org", password: "a long enough password" }) { token } }',
    );
    const token = login.data.login.token as string;
    const asUser = (query: string) => api.graphql(query, {}, { authorization: `Bearer ${token}` });
    const changed = await asUser(
      'mutation { passwordChange(input: { currentPassword: "a long enough password", newPassword: "another long password" }) { userErrors { code } } }',
    );
    expect(changed.data.passwordChange.userErrors).toEqual([]);
    await asUser('mutation { logout { revoked } }');
    const updated = await admin.graphql(
      'mutation($id: ID!, $v: Int!) { userUpdate(input: { id: $id, version: $v, role: REVIEWER }) { userErrors { code } } }',
      { id: user.id, v: user.version + 1 },
    );
    expect(updated.data.userUpdate.userErrors).toEqual([]);

    const events = await trail(user.id);
    expect(events.map((event) => event.action)).toEqual([
      'user.update',
      'user.logout',
      'user.passwordChange',
      'user.login',
      'user.create',
    ]);
    const byAction = Object.fromEntries(events.map((event) => [event.action, event]));
    expect(byAction['user.create']?.actor?.id).toBe(toGlobalId('User', admin.userId));
    expect(byAction['user.login']?.actor?.id).toBe(user.id);
    expect(byAction['user.login']?.after.lastLoginAt).toBeTruthy();
    expect(byAction['user.passwordChange']?.after.passwordHash).toBe('[redacted]');
    expect(byAction['user.update']?.before.role).toBe('PARTICIPANT');
    expect(byAction['user.update']?.after.role).toBe('REVIEWER');
    expect(byAction['user.logout']?.after.sessionRevokedAt).toBeTruthy();
    // No hash of any kind, under any name, anywhere in the trail.
    expect(JSON.stringify(events)).not.toMatch(/\$argon2|[0-9a-f]{64}/);
  });

  it('records API keys created and revoked, without the key', async () => {
    const created = await admin.graphql(
      'mutation { apiKeyCreate(input: { name: "audited key", scope: READ }) { secret apiKey { id } } }',
    );
    const { secret, apiKey } = created.data.apiKeyCreate;
    await admin.graphql('mutation($id: ID!) { apiKeyRevoke(input: { id: $id }) { userErrors { code } } }', {
      id: apiKey.id,
    });
    const events = await trail(apiKey.id);
    expect(events.map((event) => event.action)).toEqual(['apiKey.revoke', 'apiKey.create']);
    expect(events[1]?.after.keyHash).toBe('[redacted]');
    expect(events[0]?.after.revokedAt).toBeTruthy();
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('records coordinator assignments before and after', async () => {
    const coordinator = await api.as('COORDINATOR');
    const program = (await admin.graphql('{ programs(first: 1) { nodes { id } } }')).data.programs.nodes[0].id;
    const set = await admin.graphql(
      'mutation($u: ID!, $p: ID!) { coordinatorAssignmentsSet(input: { userId: $u, programIds: [$p], seminarIds: [] }) { userErrors { code } } }',
      { u: toGlobalId('User', coordinator.userId), p: program },
    );
    expect(set.data.coordinatorAssignmentsSet.userErrors).toEqual([]);
    const [event] = await trail(toGlobalId('User', coordinator.userId));
    expect(event?.action).toBe('user.coordinatorAssignmentsSet');
    expect(event?.before.programIds).toEqual([]);
    expect(event?.after.programIds).toHaveLength(1);
  });
});
