import { startTestApi, type TestApi } from '@seminarhub/api/testkit';
import type { UserRole } from '@seminarhub/db';
import { type Client, type ClientOptions, createClient } from '../src/index.ts';

export interface LiveApi {
  api: TestApi;
  /** The GraphQL endpoint of the live server. */
  endpoint: string;
  /** A client signed in with a fresh account of this role. */
  clientAs(role: UserRole, options?: Partial<ClientOptions> & { personId?: string }): Promise<Client>;
  close(): Promise<void>;
}

/** The real API over HTTP on this test file's own PostgreSQL database, seeded with the example seminar. */
export async function startLiveApi(options: Parameters<typeof startTestApi>[0] = {}): Promise<LiveApi> {
  const api = await startTestApi(options);
  const endpoint = `${api.url}/graphql`;
  return {
    api,
    endpoint,
    async clientAs(role, { personId, ...clientOptions } = {}) {
      const actor = await api.as(role, personId ? { personId } : {});
      return createClient({ url: endpoint, token: actor.token, ...clientOptions });
    },
    close: () => api.close(),
  };
}
