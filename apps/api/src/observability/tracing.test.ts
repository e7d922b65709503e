import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openTestDatabase, type TestDatabase } from '@seminarhub/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The server as an operator runs it with tracing: its own process with the --import preload,
// exporting over OTLP/HTTP (JSON) to a collector played here by a small HTTP server.
const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

let db: TestDatabase;
let collector: Server;
let collectorUrl: string;
const spans: Span[] = [];
const running: ChildProcess[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.includes('json')) {
        for (const resource of JSON.parse(body).resourceSpans ?? []) {
          for (const scope of resource.scopeSpans ?? []) spans.push(...scope.spans);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  collector.listen(0, '127.0.0.1');
  await once(collector, 'listening');
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  await new Promise((done) => collector?.close(done));
  await db?.close();
});

/**
 * From the sources through tsx, or with `built` as `pnpm start` runs the build (build it first, as
 * for test/process-faults.test.ts): bundled, where only the packages left external can be patched.
 */
function start(
  env: Record<string, string>,
  { built = false } = {},
): { child: ChildProcess; port: Promise<number>; output: () => string } {
  const child = spawn(
    process.execPath,
    built
      ? ['--enable-source-maps', '--import', './dist/tracing.js', 'dist/main.js']
      : ['--conditions=development', '--import', 'tsx', '--import', './src/observability/tracing.ts', 'src/main.ts'],
    {
      cwd: API_DIR,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: '0',
        HOST: '127.0.0.1',
        SEED: 'false',
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const port = new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const line = output.split('\n').find((entry) => entry.includes('SeminarHub API ready'));
      if (line) {
        clearInterval(timer);
        resolve(JSON.parse(line).port);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`server exited early:\n${output}`));
      }
    }, 50);
  });
  return { child, port, output: () => output };
}

function query(port: number, text: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
}

async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`no ${what} in ${spans.length} spans: ${spans.map((span) => span.name).join(', ')}`);
}

describe('tracing', () => {
  // Both runs report to the same collector: each names its operations apart.
  it.each([
    { from: 'the sources', built: false, run: 'Source' },
    { from: 'the build', built: true, run: 'Build' },
  ])(
    'exports the HTTP request, the GraphQL operation and its database queries as one trace, run from $from',
    async ({ built, run }) => {
      const server = start({ OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl, OTEL_BSP_SCHEDULE_DELAY: '100' }, { built });
      const port = await server.port;
      const traceOf = async (document: string, name: string) => {
        const response = await query(port, document);
        expect(response.status).toBe(200);
        const operation = await waitFor(() => spans.find((span) => span.name.includes(name)), `${name}'s span`);
        const http = await waitFor(
          () => spans.find((span) => span.traceId === operation.traceId && span.parentSpanId === undefined),
          'HTTP server span',
        );
        expect(http.kind).toBe(2);
        expect(http.name).toMatch(/^POST/);
        return { operation, spans: () => spans.filter((span) => span.traceId === http.traceId) };
      };

      // A read the fast path compiles: its operation span, and pg's span of its one statement.
      const compiled = await traceOf(
        `query Seminars_Traced_${run} { seminars(first: 2) { totalCount nodes { id } } }`,
        `Seminars_Traced_${run}`,
      );
      const statement = await waitFor(
        () => compiled.spans().find((span) => span.name.startsWith('pg.query')),
        'pg query span',
      );
      // One the resolvers answer: Prisma's view of its query and pg's, in its own trace.
      const resolved = await traceOf(
        `query Enrollments_Traced_${run} { enrollments(first: 1) { totalCount } }`,
        `Enrollments_Traced_${run}`,
      );
      // express's own spans: its instrumentation patched the router as it loaded.
      await waitFor(
        () => resolved.spans().find((span) => span.name.startsWith('middleware - ')),
        'express middleware span',
      );
      const prisma = await waitFor(
        () => resolved.spans().find((span) => span.name === 'prisma:client:db_query'),
        'Prisma query span',
      );
      const sql = await waitFor(
        () => resolved.spans().find((span) => span.name.startsWith('pg.query')),
        'pg query span',
      );
      for (const span of [compiled.operation, statement, resolved.operation, prisma, sql]) {
        expect(span.parentSpanId).toBeDefined();
      }
      expect(statement.traceId).toBe(compiled.operation.traceId);
      expect(sql.traceId).toBe(resolved.operation.traceId);
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    },
  );

  it('exports nothing when no endpoint is configured', async () => {
    const before = spans.length;
    const server = start({ OTEL_BSP_SCHEDULE_DELAY: '100' });
    const port = await server.port;
    const response = await query(port, '{ seminars(first: 1) { totalCount } }');
    expect(response.status).toBe(200);
    await new Promise((done) => setTimeout(done, 500));
    expect(spans.length).toBe(before);
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  });

  it('stops cleanly when the collector is down: the spans are lost, the exit is not', async () => {
    // A port nobody listens on: the exporter's requests are refused until the flush gives up.
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((done) => closed.close(done));
    const server = start({ OTEL_EXPORTER_OTLP_ENDPOINT: deadUrl, OTEL_BSP_SCHEDULE_DELAY: '100' });
    const port = await server.port;
    const response = await query(port, '{ seminars(first: 1) { totalCount } }');
    expect(response.status).toBe(200);
    const signalledAt = performance.now();
    server.child.kill('SIGTERM');
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(0);
    expect(performance.now() - signalledAt).toBeLessThan(10_000);
    expect(server.output()).toContain('the last traces were not exported');
    expect(server.output()).toContain('"msg":"stopped"');
    expect(server.output()).not.toMatch(/\n\s+at /);
  }, 30_000);
});
