import type { PrismaClient } from '@seminarhub/db';
import type { Logger } from 'pino';
import { createLoaders, type Loaders } from './loaders.ts';

/** What every resolver receives: the database, per-request loaders, and the request's identity. */
export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  /** Correlates a client's error with the server log. */
  requestId: string;
  log: Logger;
}

export function createContext(prisma: PrismaClient, log: Logger, requestId: string): Context {
  return { prisma, loaders: createLoaders(prisma), requestId, log: log.child({ requestId }) };
}
