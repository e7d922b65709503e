/**
 * The soak: the built server under mixed load for a while, its memory sampled, and a verdict on
 * whether it grows. Outside `pnpm test`, since it takes ten minutes by default: `pnpm soak`.
 *
 * - The server is `dist/main.js`, started as an operator would, on a fresh embedded PostgreSQL in a
 *   temporary folder, or on DATABASE_URL when it is set (then it writes there: use a scratch database).
 * - SOAK_CONNECTIONS (16) keep-alive connections send a mix of public and staff queries,
 *   organisations created and deleted, and bad input of every kind the server refuses early.
 * - Every SOAK_SAMPLE_SECONDS (1) the server's resident set and used heap are read from /metrics,
 *   and printed as a table of SOAK_PRINT_SECONDS (10) rows.
 * - After SOAK_WARMUP_SECONDS, the last minute is compared with the minutes before it (the heap's
 *   floor with the first minute, RSS with the highest minute of the first half; see judge()):
 *   growth over SOAK_MAX_GROWTH_MB (64) fails, and so does a slope of the heap's floor over
 *   SOAK_MAX_SLOPE_MB_PER_MINUTE (2) once at least five minutes were measured. Any answer other
 *   than the one expected fails too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Pool } from 'undici';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

// Outside the server, so env.ts does not apply: the soak reads its own knobs here.
const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const SECONDS = number('SOAK_SECONDS', 600);
const CONNECTIONS = number('SOAK_CONNECTIONS', 16);
// Every second: the heap's floor between collections lasts a few seconds, and 5 s samples caught it
// only by chance (a minute's floor then varied by ±20 MB while the live set did not).
const SAMPLE_SECONDS = number('SOAK_SAMPLE_SECONDS', 1);
const PRINT_SECONDS = number('SOAK_PRINT_SECONDS', 10);
// Two minutes: under 16 connections RSS was still climbing at 60 s and level from about 100 s.
const WARMUP_SECONDS = number('SOAK_WARMUP_SECONDS', Math.min(120, SECONDS / 2));
const MAX_GROWTH_MB = number('SOAK_MAX_GROWTH_MB', 64);
const MAX_SLOPE_MB_PER_MINUTE = number('SOAK_MAX_SLOPE_MB_PER_MINUTE', 2);
/** The slope is judged only over a span long enough for GC's saw-tooth to average out. */
const SLOPE_MIN_SPAN_SECONDS = 300;
const DATABASE_URL = process.env.DATABASE_URL ?? '';

interface Sample {
  at: number;
  rssMb: number;
  heapMb: number;
  requests: number;
  unexpected: number;
}

// ---------------------------------------------------------------------------------------------
// The server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Running {
  child: ChildProcess;
  origin: string;
  errorLines: () => number;
  lastLines: () => string[];
}

async function startServer(dataDir: string, adminPassword: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', './dist/tracing.js', 'dist/main.js'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL,
      SEED: 'true',
      // warn, not info: the access log would write a line per request, and that is not what is measured.
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: adminPassword,
      RATE_LIMIT_POINTS: '1000000000',
      RATE_LIMIT_ANONYMOUS_POINTS: '1000000000',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = 0;
  const last: string[] = [];
  // Drained at once: a full pipe would block the server's synchronous log writes.
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      if (/"level":(50|60)/.test(line)) errors += 1;
      last.push(line);
      if (last.length > 20) last.shift();
    }
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${last.join('\n')}`);
    try {
      if ((await fetch(`${origin}/readyz`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  if (Date.now() >= deadline) throw new Error(`the server was not ready in 120 s:\n${last.join('\n')}`);
  return { child, origin, errorLines: () => errors, lastLines: () => [...last] };
}

async function stopServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

// ---------------------------------------------------------------------------------------------
// The load

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read by shape, as the tests read them
  json: { data?: any; errors?: { extensions?: { code?: string } }[] } | undefined;
}

type Send = (body: string | Buffer, headers?: Record<string, string>) => Promise<Answer>;

function sender(pool: Pool): Send {
  return async (body, headers = {}) => {
    const response = await pool.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.body.text();
    let json: Answer['json'];
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.statusCode, json };
  };
}

const operation = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

const PUBLIC_AGENDA = `{ seminars(first: 5) { totalCount nodes { id title startDate timezone
  sessions(first: 20) { nodes { title startsAtLocal speakers { person { fullName } } } } } } }`;
const STAFF_VIEW = `{ seminars(first: 5) { nodes { title enrollments(first: 20) { totalCount nodes { status person { fullName email } } }
  proposals(first: 10) { nodes { title status } } } } auditEvents(first: 20) { nodes { action at } } }`;
const SEARCH = `query ($search: String) { organizations(search: $search, first: 10) { totalCount nodes { name } } }`;
const ORGANIZATION_CREATE = `mutation ($input: OrganizationCreateInput!) {
  organizationCreate(input: $input) { organization { id version } userErrors { code } } }`;
const ORGANIZATION_DELETE = `mutation ($input: OrganizationDeleteInput!) {
  organizationDelete(input: $input) { deletedId userErrors { code } } }`;
const SEMINARS_FILTERED = 'query ($filter: SeminarFilter) { seminars(filter: $filter) { totalCount } }';

function nested(levels: number): unknown {
  let value: unknown = { title: { contains: 'x' } };
  for (let level = 0; level < levels; level += 1) value = { AND: [value] };
  return value;
}

/** One kind of request, what it should get, and how often it is picked. */
interface Kind {
  name: string;
  weight: number;
  run: (send: Send, auth: Record<string, string>, counter: number) => Promise<string | null>;
}

const codeOf = (answer: Answer) => answer.json?.errors?.[0]?.extensions?.code;
const expectOk = (answer: Answer): string | null =>
  answer.status === 200 && answer.json?.data && !answer.json.errors
    ? null
    : `${answer.status} ${codeOf(answer) ?? 'no code'}`;
const expectRefusal =
  (status: number, code: string) =>
  (answer: Answer): string | null =>
    answer.status === status && codeOf(answer) === code
      ? null
      : `${answer.status} ${codeOf(answer)} (wanted ${status} ${code})`;

const invalidUtf8 = Buffer.concat([
  Buffer.from(`{"query":${JSON.stringify(SEARCH)},"variables":{"search":"`),
  Buffer.from([0xc0, 0xaf, 0xff]),
  Buffer.from('"}}'),
]);

const KINDS: Kind[] = [
  { name: 'public agenda', weight: 30, run: async (send) => expectOk(await send(operation(PUBLIC_AGENDA))) },
  { name: 'staff view', weight: 20, run: async (send, auth) => expectOk(await send(operation(STAFF_VIEW), auth)) },
  {
    name: 'search',
    weight: 10,
    run: async (send, _auth, counter) => expectOk(await send(operation(SEARCH, { search: `agency ${counter % 50}` }))),
  },
  {
    name: 'create and delete an organisation',
    weight: 10,
    run: async (send, auth, counter) => {
      const created = await send(
        operation(ORGANIZATION_CREATE, { input: { name: `Soak ${counter}`, type: 'AGENCY', countryCode: 'UZ' } }),
        {
          ...auth,
          ...(counter % 4 === 0 ? { 'idempotency-key': `soak-${counter}-${randomBytes(4).toString('hex')}` } : {}),
        },
      );
      const problem = expectOk(created);
      const organization = created.json?.data?.organizationCreate?.organization;
      if (problem || !organization) return problem ?? 'no organisation';
      return expectOk(await send(operation(ORGANIZATION_DELETE, { input: organization }), auth));
    },
  },
  {
    name: 'body not UTF-8',
    weight: 3,
    run: async (send, auth) => expectRefusal(400, 'BAD_REQUEST')(await send(invalidUtf8, auth)),
  },
  {
    name: 'lone surrogate',
    weight: 3,
    run: async (send) => expectRefusal(400, 'BAD_USER_INPUT')(await send(operation(SEARCH, { search: 'a\ud800' }))),
  },
  {
    name: 'variables 100 deep',
    weight: 3,
    run: async (send) =>
      expectRefusal(400, 'BAD_USER_INPUT')(await send(operation(SEMINARS_FILTERED, { filter: nested(50) }))),
  },
  {
    name: 'body 20,000 deep',
    weight: 2,
    run: async (send) =>
      expectRefusal(
        400,
        'BAD_REQUEST',
      )(
        await send(
          `{"query":"{ seminars { totalCount } }","variables":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`,
        ),
      ),
  },
  {
    name: 'malformed JSON',
    weight: 2,
    run: async (send) => expectRefusal(400, 'BAD_REQUEST')(await send('{"query": "{ seminars { totalCount } }"')),
  },
  {
    name: 'anonymous mutation',
    weight: 3,
    run: async (send) =>
      expectRefusal(
        401,
        'UNAUTHENTICATED',
      )(await send(operation(ORGANIZATION_DELETE, { input: { id: 'junk', version: 1 } }))),
  },
  {
    name: 'year 0',
    weight: 2,
    run: async (send, auth) =>
      expectRefusal(
        400,
        'BAD_USER_INPUT',
      )(
        await send(
          operation('query ($from: DateTime) { auditEvents(filter: { from: $from }) { totalCount } }', {
            from: '0000-06-01T00:00:00Z',
          }),
          auth,
        ),
      ),
  },
  {
    name: 'bad token',
    weight: 2,
    run: async (send) =>
      expectRefusal(
        401,
        'UNAUTHENTICATED',
      )(await send(operation('{ viewer { kind } }'), { authorization: 'Bearer shs_not-a-real-token' })),
  },
];

function picker(): () => Kind {
  const total = KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  return () => {
    let roll = Math.random() * total;
    for (const kind of KINDS) {
      roll -= kind.weight;
      if (roll < 0) return kind;
    }
    return KINDS[0] as Kind;
  };
}

// ---------------------------------------------------------------------------------------------
// Memory and the verdict

async function sampleMemory(metrics: Client): Promise<{ rssMb: number; heapMb: number }> {
  const response = await metrics.request({ path: '/metrics', method: 'GET' });
  const text = await response.body.text();
  const read = (name: string) => {
    const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
    if (!line) throw new Error(`/metrics has no ${name} (status ${response.statusCode})`);
    return Number(line.split(' ')[1]) / MB;
  };
  return {
    rssMb: read('seminarhub_process_resident_memory_bytes'),
    heapMb: read('seminarhub_nodejs_heap_size_used_bytes'),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Least-squares slope, in MB per minute. */
function slope(points: { at: number; value: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, p) => sum + p.at, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.at - meanX) * (p.value - meanY);
    den += (p.at - meanX) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

/** The samples in rows of PRINT_SECONDS: RSS median, the heap's floor and peak, requests and refusals. */
function printTable(samples: Sample[]): void {
  console.log(`\n    t (s)   RSS (MB)   heap floor   heap peak   requests    req/s   unexpected`);
  const rows = new Map<number, Sample[]>();
  for (const sample of samples) {
    // The last sample may land just after the end; it belongs to the last row.
    const row =
      Math.min(Math.ceil(sample.at / PRINT_SECONDS - 1e-9), Math.ceil(SECONDS / PRINT_SECONDS)) * PRINT_SECONDS;
    rows.set(row, [...(rows.get(row) ?? []), sample]);
  }
  for (const [end, group] of rows) {
    const requests = group.reduce((sum, sample) => sum + sample.requests, 0);
    const cells = [
      end.toFixed(0).padStart(9),
      median(group.map((sample) => sample.rssMb))
        .toFixed(1)
        .padStart(10),
      Math.min(...group.map((sample) => sample.heapMb))
        .toFixed(1)
        .padStart(12),
      Math.max(...group.map((sample) => sample.heapMb))
        .toFixed(1)
        .padStart(11),
      String(requests).padStart(10),
      (requests / PRINT_SECONDS).toFixed(0).padStart(8),
      String(group.reduce((sum, sample) => sum + sample.unexpected, 0)).padStart(12),
    ];
    console.log(cells.join(' '));
  }
}

/**
 * The memory verdict, printed as it is reached, over whole minutes after the warm-up.
 *
 * - The heap is judged by its floor, the least sample of a window: what survives a collection,
 *   that is the live objects. Its median swings with the collector's saw-tooth (80 to 330 MB under
 *   this load) far more than a leak would move it. A leak of JavaScript objects raises the floor:
 *   the last minute's may be at most SOAK_MAX_GROWTH_MB above the first minute's, and the slope
 *   of the minute floors at most SOAK_MAX_SLOPE_MB_PER_MINUTE (sampled every second, the floors
 *   of a flat run stay within a few MB, so that slope is measured well).
 * - RSS is judged by the median of a minute. Its baseline is the highest minute of the first half:
 *   RSS follows the heap's capacity, which V8 raises when the allocation rate rises, and on a
 *   shared machine the rate doubled in the middle of a run when other work let go of the CPU (RSS
 *   then stepped from 410 to 500 MB and stayed there). A leak keeps rising after such a step, so
 *   the last minute may be at most SOAK_MAX_GROWTH_MB above that baseline. RSS's slope is printed,
 *   not judged: its minute medians jitter by ±15 MB, as much as the slope bound over ten minutes.
 */
function judge(samples: Sample[]): string[] {
  const span = SECONDS - WARMUP_SECONDS;
  // Minutes, or thirds of a short run.
  const bin = Math.min(60, span / 3);
  const minutes = new Map<number, Sample[]>();
  for (const sample of samples) {
    if (sample.at <= WARMUP_SECONDS) continue;
    // The sample at the very end belongs to the last whole minute, not to a minute of its own.
    const minute = Math.min(Math.floor((sample.at - WARMUP_SECONDS) / bin), Math.max(0, Math.ceil(span / bin) - 1));
    minutes.set(minute, [...(minutes.get(minute) ?? []), sample]);
  }
  const groups = [...minutes.values()];
  if (groups.length < 2) return ['too few samples: raise SOAK_SECONDS'];
  const judgedSlope = span >= SLOPE_MIN_SPAN_SECONDS;
  const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
  const verdicts: string[] = [];

  const floors = groups.map((group) => Math.min(...group.map((sample) => sample.heapMb)));
  const heapGrowth = (floors.at(-1) as number) - (floors[0] as number);
  const heapSlope = slope(floors.map((value, minute) => ({ at: minute * bin, value })));
  console.log(
    `heap floor per ${bin.toFixed(0)} s (MB): ${list(floors)}; growth ${signed(heapGrowth)} MB (bound +${MAX_GROWTH_MB}), slope ${heapSlope.toFixed(
      2,
    )} MB/min (${judgedSlope ? `bound ${MAX_SLOPE_MB_PER_MINUTE}` : `not judged under ${SLOPE_MIN_SPAN_SECONDS} s measured`})`,
  );
  if (heapGrowth > MAX_GROWTH_MB) verdicts.push(`the heap's floor grew ${heapGrowth.toFixed(1)} MB`);
  if (judgedSlope && heapSlope > MAX_SLOPE_MB_PER_MINUTE) {
    verdicts.push(`the heap's floor rises ${heapSlope.toFixed(2)} MB/min`);
  }

  const medians = groups.map((group) => median(group.map((sample) => sample.rssMb)));
  const firstHalf = medians.slice(0, Math.max(1, Math.floor(medians.length / 2)));
  const baseline = Math.max(...firstHalf);
  const rssGrowth = (medians.at(-1) as number) - baseline;
  const rssSlope = slope(medians.map((value, minute) => ({ at: minute * bin, value })));
  console.log(
    `RSS median per ${bin.toFixed(0)} s (MB): ${list(medians)}; last ${(medians.at(-1) as number).toFixed(1)} against the first half's highest ${baseline.toFixed(
      1,
    )}: ${signed(rssGrowth)} MB (bound +${MAX_GROWTH_MB}); first to last ${signed(
      (medians.at(-1) as number) - (medians[0] as number),
    )} MB; slope ${rssSlope.toFixed(2)} MB/min (not judged)`,
  );
  if (rssGrowth > MAX_GROWTH_MB) verdicts.push(`RSS grew ${rssGrowth.toFixed(1)} MB`);
  return verdicts;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'seminarhub-soak-'));
  const adminPassword = randomBytes(18).toString('base64url');
  console.log(
    `soak: ${SECONDS} s, ${CONNECTIONS} connections, a sample every ${SAMPLE_SECONDS} s, warm-up ${WARMUP_SECONDS} s, on ${
      DATABASE_URL ? 'DATABASE_URL' : `an embedded PostgreSQL in ${dataDir}`
    }`,
  );
  const server = await startServer(dataDir, adminPassword);
  const pool = new Pool(server.origin, { connections: CONNECTIONS, pipelining: 1 });
  const metrics = new Client(server.origin);
  const send = sender(pool);
  const failures = new Map<string, { count: number; example: string }>();
  const byKind = new Map<string, number>();
  const samples: Sample[] = [];
  try {
    const login = await send(
      operation('mutation ($input: LoginInput!) { login(input: $input) { token } }', {
        input: { email: 'admin@seminarhub.local', password: adminPassword },
      }),
    );
    const token = login.json?.data?.login?.token;
    if (!token) throw new Error(`could not sign in as the administrator: ${JSON.stringify(login.json)}`);
    const auth = { authorization: `Bearer ${token}` };

    const started = Date.now();
    const stopAt = started + SECONDS * 1000;
    let counter = 0;
    let requests = 0;
    let unexpected = 0;
    const pick = picker();
    const worker = async () => {
      while (Date.now() < stopAt) {
        const kind = pick();
        counter += 1;
        let problem: string | null;
        try {
          problem = await kind.run(send, auth, counter);
        } catch (error) {
          problem = `threw ${(error as Error).message}`;
        }
        requests += 1;
        byKind.set(kind.name, (byKind.get(kind.name) ?? 0) + 1);
        if (problem) {
          unexpected += 1;
          const seen = failures.get(kind.name) ?? { count: 0, example: problem };
          seen.count += 1;
          failures.set(kind.name, seen);
        }
      }
    };
    const sampler = async () => {
      let lastRequests = 0;
      let lastUnexpected = 0;
      for (let next = started; Date.now() < stopAt; ) {
        next += SAMPLE_SECONDS * 1000;
        await new Promise((done) => setTimeout(done, Math.max(0, next - Date.now())));
        const memory = await sampleMemory(metrics);
        samples.push({
          at: (Date.now() - started) / 1000,
          ...memory,
          requests: requests - lastRequests,
          unexpected: unexpected - lastUnexpected,
        });
        lastRequests = requests;
        lastUnexpected = unexpected;
      }
    };
    await Promise.all([sampler(), ...Array.from({ length: CONNECTIONS }, worker)]);

    // The table, then the verdict.
    printTable(samples);
    console.log(`\nrequests: ${requests} (${(requests / SECONDS).toFixed(0)}/s), unexpected answers: ${unexpected}`);
    for (const [name, count] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`  ${name}: ${count}`);
    for (const [name, { count, example }] of failures) console.log(`  UNEXPECTED ${name}: ${count}, e.g. ${example}`);
    console.log(`error lines in the server's log: ${server.errorLines()}`);

    const verdicts = judge(samples);
    if (unexpected > 0) verdicts.push(`${unexpected} unexpected answers`);
    if (server.errorLines() > 0) verdicts.push(`${server.errorLines()} error lines in the server's log`);
    if (verdicts.length > 0) {
      console.log(`\nSOAK FAILED: ${verdicts.join('; ')}`);
      if (server.errorLines() > 0) console.log(server.lastLines().join('\n'));
      return 1;
    }
    console.log('\nsoak passed: memory flat, every answer as expected');
    return 0;
  } finally {
    await pool.close();
    await metrics.close();
    const code = await stopServer(server.child);
    if (code !== 0) console.log(`the server exited with ${code}`);
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
