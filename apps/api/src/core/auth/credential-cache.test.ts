import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/testkit.ts';
import { CREDENTIAL_TTL_MS } from './credential-cache.ts';

let api: TestApi;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('the credential cache', () => {
  it('refuses a session revoked elsewhere within CREDENTIAL_TTL_MS, and one signed out here at once', async () => {
    const viewer = '{ viewer { kind } }';
    const actor = await api.as('COORDINATOR');
    expect((await actor.graphql(viewer)).status).toBe(200);
    // Revoked behind this process's back, as another API process or an operator would.
    await api.db.prisma.authSession.updateMany({ where: { userId: actor.userId }, data: { revokedAt: new Date() } });
    const started = Date.now();
    let refusedAfter: number | undefined;
    while (Date.now() - started < 3 * CREDENTIAL_TTL_MS) {
      if ((await actor.graphql(viewer)).status === 401) {
        refusedAfter = Date.now() - started;
        break;
      }
      await sleep(50);
    }
    expect(refusedAfter).toBeDefined();
    expect(refusedAfter).toBeLessThanOrEqual(CREDENTIAL_TTL_MS + 200);

    const other = await api.as('ADMIN');
    expect((await other.graphql(viewer)).status).toBe(200);
    expect((await other.graphql('mutation { logout { revoked } }')).data.logout.revoked).toBe(true);
    expect((await other.graphql(viewer)).status).toBe(401);
  });
});
