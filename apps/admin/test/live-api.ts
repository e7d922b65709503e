import { startTestApi, type TestApi } from '@seminarhub/api/testkit';
import { createClient, type UserRole, unwrap } from '@seminarhub/sdk';

export interface LiveAdmin {
  api: TestApi;
  endpoint: string;
  /**
   * An account made through the SDK by an administrator, with a password to sign in with; `personId`
   * links it to a person (a reviewer's or participant's account).
   */
  account(
    role: UserRole,
    options?: { personId?: string },
  ): Promise<{ email: string; password: string; userId: string }>;
  close(): Promise<void>;
}

let accounts = 0;

/** The real API over HTTP on this test file's own database, seeded with the example seminar. */
export async function startLiveAdmin(): Promise<LiveAdmin> {
  const api = await startTestApi();
  const endpoint = `${api.url}/graphql`;
  const admin = createClient({ url: endpoint, token: (await api.as('ADMIN')).token });
  return {
    api,
    endpoint,
    async account(role, options = {}) {
      accounts += 1;
      const email = `staff-${accounts}-${role.toLowerCase()}@admin-test.example`;
      const password = `correct horse battery ${accounts}`;
      const { user } = unwrap(await admin.users.create({ email, password, role, ...options }));
      return { email, password, userId: user!.id };
    },
    close: () => api.close(),
  };
}
