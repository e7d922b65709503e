import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';

let api: TestApi;
let admin: Actor;
beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

const CREATE = `mutation($input: ApiKeyCreateInput!) {
  apiKeyCreate(input: $input) { secret apiKey { id name prefix scope expiresAt revokedAt } userErrors { field code message } }
}`;
const withKey = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function createKey(scope: 'READ' | 'READ_WRITE', extra: Record<string, unknown> = {}) {
  const { data } = await admin.graphql(CREATE, { input: { name: `key ${scope}`, scope, ...extra } });
  expect(data.apiKeyCreate.userErrors).toEqual([]);
  return data.apiKeyCreate as { secret: string; apiKey: { id: string; prefix: string } };
}

describe('API keys', () => {
  it('shows the secret once and keeps only its hash', async () => {
    const { secret, apiKey } = await createKey('READ');
    expect(secret).toMatch(/^shk_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const rows = await api.db.prisma.apiKey.findMany();
    expect(JSON.stringify(rows)).not.toContain(secret.slice(apiKey.prefix.length));
    const { data } = await admin.graphql('{ apiKeys(first: 10) { nodes { id name prefix } } }');
    expect(data.apiKeys.nodes.map((key: { id: string }) => key.id)).toContain(apiKey.id);
    expect(JSON.stringify(data)).not.toContain(secret);
  });

  it('reads as a third party: everything but personal details, and records when it was used', async () => {
    const { secret, apiKey } = await createKey('READ');
    const { data } = await api.graphql(
      `{ viewer { kind permissions } proposals(first: 10) { totalCount }
         seminars(first: 1) { nodes { enrollments(first: 1) { nodes { person { fullName email } } } } } }`,
      {},
      withKey(secret),
    );
    expect(data.viewer).toEqual({ kind: 'API_KEY', permissions: ['READ_PUBLIC', 'READ_ALL'] });
    expect(data.proposals.totalCount).toBe(3);
    const person = data.seminars.nodes[0].enrollments.nodes[0].person;
    expect(person.fullName).toBeTruthy();
    expect(person.email).toBeNull();
    const stored = await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: fromGlobal(apiKey.id) } });
    expect(stored.lastUsedAt).toBeInstanceOf(Date);
  });

  it('lets a READ key query but not mutate; a READ_WRITE key may', async () => {
    const read = await createKey('READ');
    const refused = await api.graphql('mutation { logout { revoked } }', {}, withKey(read.secret));
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/read-only/),
    });
    const write = await createKey('READ_WRITE');
    const { data } = await api.graphql('{ viewer { permissions } }', {}, withKey(write.secret));
    expect(data.viewer.permissions).toContain('WRITE');
  });

  it('stops working once revoked or expired', async () => {
    const { secret, apiKey } = await createKey('READ');
    expect((await api.graphql('{ viewer { kind } }', {}, withKey(secret))).status).toBe(200);
    const revoked = await admin.graphql(
      'mutation($id: ID!) { apiKeyRevoke(input: { id: $id }) { apiKey { revokedAt } userErrors { code } } }',
      {
        id: apiKey.id,
      },
    );
    expect(revoked.data.apiKeyRevoke.apiKey.revokedAt).toBeTruthy();
    expect((await api.graphql('{ viewer { kind } }', {}, withKey(secret))).status).toBe(401);

    const expiring = await createKey('READ', { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await api.db.prisma.apiKey.update({
      where: { id: fromGlobal(expiring.apiKey.id) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await api.graphql('{ viewer { kind } }', {}, withKey(expiring.secret))).status).toBe(401);
  });

  it('checks its input and changes nothing when it is wrong', async () => {
    const before = await api.db.prisma.apiKey.count();
    const { data } = await admin.graphql(CREATE, {
      input: { name: '   ', scope: 'READ', expiresAt: '2000-01-01T00:00:00Z' },
    });
    expect(data.apiKeyCreate.apiKey).toBeNull();
    expect(data.apiKeyCreate.userErrors.map((error: { field: string[] }) => error.field)).toEqual([
      ['input', 'name'],
      ['input', 'expiresAt'],
    ]);
    expect(await api.db.prisma.apiKey.count()).toBe(before);
  });

  it('is for administrators only', async () => {
    const coordinator = await api.as('COORDINATOR');
    const before = await api.db.prisma.apiKey.count();
    const forbidden = await coordinator.graphql(CREATE, { input: { name: 'mine', scope: 'READ_WRITE' } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.graphql(CREATE, { input: { name: 'mine', scope: 'READ_WRITE' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const list = await coordinator.graphql('{ apiKeys(first: 5) { totalCount } }');
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.db.prisma.apiKey.count()).toBe(before);
  });
});

function fromGlobal(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1] as string;
}
