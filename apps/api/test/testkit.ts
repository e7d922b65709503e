import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { openTestDatabase, type TestDatabase } from '@seminarhub/db/testing';
import { pino } from 'pino';
import { createServer, type Server } from '../src/server.ts';

/** A GraphQL answer over HTTP; `data` is untyped JSON here, as tests assert on its shape. */
export interface GraphQLResponse<Data = any> {
  status: number;
  data: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
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
  close(): Promise<void>;
}

/**
 * The real server over HTTP on this test file's own database (a clone of the migrated, seeded
 * template): what a client sees, without mocks.
 */
export async function startTestApi(): Promise<TestApi> {
  const db = await openTestDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const server = await createServer({ db, logger });
  const http = server.app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    db,
    server,
    async graphql(query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
    },
    async close() {
      http.closeAllConnections();
      await new Promise((done) => http.close(done));
      await server.stop();
      await db.close();
    },
  };
}
