import type { PrismaClient } from '@seminarhub/db';
import type { Logger } from 'pino';
import { type AccessScope, loadAccessScope, type Viewer } from './auth/viewer.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** What every resolver receives: the database, who is asking, per-request loaders, the request id. */
export interface Context {
  prisma: PrismaClient;
  viewer: Viewer;
  /** The viewer's assignments and enrollments, loaded on first use and then shared by the request. */
  scope(): Promise<AccessScope>;
  /**
   * Forgets the loaded scope after a write that may change it (joining a team, enrolling), so that the
   * mutation's answer is filtered by what the viewer may see now, not before.
   */
  invalidateScope(): void;
  loaders: Loaders;
  /** Per-request batches of nested lists, keyed by list and arguments (see `nestedConnection`). */
  batches: Map<string, unknown>;
  /** Correlates a client's error with the server log. */
  requestId: string;
  /** The client's address, for sign-in records. */
  ip: string | undefined;
  log: Logger;
}

export function createContext(options: {
  prisma: PrismaClient;
  log: Logger;
  requestId: string;
  viewer: Viewer;
  ip?: string | undefined;
}): Context {
  const { prisma, viewer, requestId } = options;
  let scope: Promise<AccessScope> | undefined;
  let loaders: Loaders | undefined;
  let log: Logger | undefined;
  const context: Context = {
    prisma,
    viewer,
    scope: () => {
      scope ??= loadAccessScope(prisma, viewer);
      return scope;
    },
    invalidateScope: () => {
      scope = undefined;
    },
    // Made on first use: a read answered by one compiled statement needs neither its thirty
    // DataLoaders nor a child logger, and they are garbage at every request.
    get loaders() {
      loaders ??= createLoaders(context);
      return loaders;
    },
    batches: new Map(),
    requestId,
    ip: options.ip,
    get log() {
      log ??= options.log.child({ requestId });
      return log;
    },
  };
  return context;
}
