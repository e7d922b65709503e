import type { ApolloServerPlugin } from '@apollo/server';
import type { PrismaClient } from '@seminarhub/db';
import { LRUCache } from 'lru-cache';
import { authenticate } from './authenticate.ts';
import { ANONYMOUS, type Viewer } from './viewer.ts';

/**
 * How long a credential that was valid is believed without asking the database again. Every
 * process forgets within this bound, so a token signed out, a key revoked or an account disabled
 * elsewhere is refused everywhere within a second; this process forgets at once (see below).
 */
export const CREDENTIAL_TTL_MS = 1_000;

/**
 * The viewers of credentials seen in the last second. lru-cache bounds both the age and the count,
 * so a flood of distinct tokens cannot grow it; only valid credentials are kept, so a wrong one is
 * checked (and metered by the rate limiter) every time.
 */
const viewers = new LRUCache<string, Viewer>({ max: 10_000, ttl: CREDENTIAL_TTL_MS });

/** `authenticate`, answered from the last second's lookups when the same credential comes again. */
export async function authenticateCached(prisma: PrismaClient, authorization: string | undefined): Promise<Viewer> {
  if (!authorization) return ANONYMOUS;
  const known = viewers.get(authorization);
  if (known) return known;
  const viewer = await authenticate(prisma, authorization);
  viewers.set(authorization, viewer);
  return viewer;
}

/**
 * Any mutation may revoke or change a credential (sign-out, key revocation, disabling an account,
 * a role change): after one, this process checks every credential afresh.
 */
export const forgetCredentialsAfterMutations: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ operation }) {
        if (operation?.operation === 'mutation') viewers.clear();
      },
    };
  },
};
