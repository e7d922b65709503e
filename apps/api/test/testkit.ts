import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { UserRole } from '@seminarhub/db';
import { openTestDatabase, type TestDatabase } from '@seminarhub/db/testing';
import { pino } from 'pino';
import { generateSecret, hashSecret, SESSION_TOKEN_PREFIX } from '../src/core/auth/tokens.ts';
import { createServer, type Server, type ServerOptions } from '../src/server.ts';

/** A GraphQL answer over HTTP; `data` is untyped JSON here, as tests assert on its shape. */
export interface GraphQLResponse<Data = any> {
  status: number;
  data: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

type Send = <Data = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<Data>>;

export interface Actor {
  userId: string;
  personId: string | null;
  token: string;
  /** Sends an operation as this user. */
  graphql: Send;
}

export interface ActorOptions {
  /** The person the account belongs to (participants and reviewers act through their person). */
  personId?: string;
  /** For coordinators: seminars and programmes assigned to them. */
  seminarIds?: string[];
  programIds?: string[];
}

export interface TestApi {
  /** Base URL of the API, listening on a free port of 127.0.0.1. */
  url: string;
  db: TestDatabase;
  server: Server;
  /** Sends one GraphQL operation over HTTP, as a client would. */
  graphql<Data = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  /** A new account with this role and a live session token, made directly in the database. */
  as(role: UserRole, options?: ActorOptions): Promise<Actor>;
  close(): Promise<void>;
}

/**
 * The real server over HTTP on this test file's own database (a clone of the migrated, seeded
 * template): what a client sees, without mocks.
 */
export interface TestApiOptions extends Partial<Omit<ServerOptions, 'db'>> {
  /** Pool settings of this file's database, for tests of timeouts and exhaustion. */
  database?: Parameters<typeof openTestDatabase>[0];
}

export async function startTestApi({ database, ...options }: TestApiOptions = {}): Promise<TestApi> {
  const db = await openTestDatabase(database);
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  // Tests send many requests from one address; the rate-limit tests set their own budgets.
  const rateLimit = { points: 100_000, anonymousPoints: 100_000, windowSeconds: 60 };
  const server = await createServer({ db, rateLimit, ...options, logger });
  const http = server.app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const graphql: TestApi['graphql'] = async (query, variables, headers) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
  };
  return {
    url,
    db,
    server,
    graphql,
    async as(role, options = {}) {
      const { prisma } = db;
      const user = await prisma.user.create({
        data: {
          email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@test.example`,
          role,
          // Never used to sign in: these actors get their session directly.
          passwordHash: 'unusable',
          personId: options.personId ?? null,
          seminarAssignments: { create: (options.seminarIds ?? []).map((seminarId) => ({ seminarId })) },
          programAssignments: { create: (options.programIds ?? []).map((programId) => ({ programId })) },
        },
      });
      const token = generateSecret(SESSION_TOKEN_PREFIX);
      await prisma.authSession.create({
        data: { userId: user.id, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return {
        userId: user.id,
        personId: user.personId,
        token,
        graphql: (query, variables) => graphql(query, variables, { authorization: `Bearer ${token}` }),
      };
    },
    async close() {
      http.closeAllConnections();
      await new Promise((done) => http.close(done));
      await server.stop();
      await db.close();
    },
  };
}

export { TcpFaultProxy } from './tcp-fault-proxy.ts';
