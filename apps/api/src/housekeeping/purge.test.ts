import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';
import { purgeExpired } from './purge.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60_000);

describe('purging expired rows', () => {
  it('removes what no longer does anything and keeps everything still in use', async () => {
    const { prisma } = api.db;
    const user = await api.as('PARTICIPANT');
    await prisma.idempotencyKey.createMany({
      data: [
        { scope: 'ip:1', key: 'old', requestHash: 'h', createdAt: hoursAgo(25) },
        { scope: 'ip:1', key: 'fresh', requestHash: 'h', createdAt: hoursAgo(23) },
      ],
    });
    await prisma.authSession.createMany({
      data: [
        { userId: user.userId, tokenHash: 'expired', expiresAt: hoursAgo(1) },
        { userId: user.userId, tokenHash: 'revoked-long-ago', expiresAt: hoursAgo(-5), revokedAt: hoursAgo(25) },
        { userId: user.userId, tokenHash: 'revoked-just-now', expiresAt: hoursAgo(-5), revokedAt: hoursAgo(1) },
      ],
    });
    await prisma.loginFailure.createMany({
      data: [
        { email: 'old@example.org', at: hoursAgo(25) },
        { email: 'recent@example.org', at: hoursAgo(2) },
      ],
    });

    const purged = await purgeExpired(prisma);

    expect(purged).toEqual({ idempotencyKeys: 1, authSessions: 2, loginFailures: 1 });
    expect((await prisma.idempotencyKey.findMany({ where: { scope: 'ip:1' } })).map((row) => row.key)).toEqual([
      'fresh',
    ]);
    const sessions = await prisma.authSession.findMany({ where: { userId: user.userId } });
    expect(sessions.map((row) => row.tokenHash).sort()).toContain('revoked-just-now');
    expect(sessions.map((row) => row.tokenHash)).not.toContain('expired');
    expect(sessions.map((row) => row.tokenHash)).not.toContain('revoked-long-ago');
    expect((await prisma.loginFailure.findMany()).map((row) => row.email)).toEqual(['recent@example.org']);

    // The live session of the test account still works after a purge.
    const viewer = await user.graphql('{ viewer { kind } }');
    expect(viewer.data.viewer.kind).toBe('USER');
    // A second purge finds nothing more.
    expect(await purgeExpired(prisma)).toEqual({ idempotencyKeys: 0, authSessions: 0, loginFailures: 0 });
  });
});
