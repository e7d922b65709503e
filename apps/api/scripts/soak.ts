/**
 * The soak: the built server under mixed load for a while, its memory sampled, and a verdict on
 * whether it grows. Outside `pnpm test`, since it takes ten minutes by default: `pnpm soak`.
 *
 * - The server is `dist/main.js`, started as an operator would, on a fresh embedded PostgreSQL in a
 *   temporary folder, or on DATABASE_URL when it is set (then it writes there: use a scratch database).
 * - SOAK_CONNECTIONS (16) keep-alive connections send a mix of public and staff queries,
 *   organisations created and deleted, and bad input of every kind the server refuses early.
 * - Every SOAK_SAMPLE_SECONDS (5) the server's resident set and used heap are read from /metrics.
 * - After SOAK_WARMUP_SECONDS, the last minute is compared with the first minute after warm-up
 *   (RSS by its median, the heap by its floor; see judge()): growth over SOAK_MAX_GROWTH_MB (64)
 *   fails, and so does a slope over SOAK_MAX_SLOPE_MB_PER_MINUTE (2) once at least five minutes
 *   were measured. Any answer other than the one expected fails too.
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
const SAMPLE_SECONDS = number('SOAK_SAMPLE_SECONDS', 5);
const WARMUP_SECONDS = number('SOAK_WARMUP_SECONDS', Math.min(60, SECONDS / 2));
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

/**
 * The memory verdict, printed as it is reached. RSS is judged by its median (a minute of samples
 * spans several collections); the heap by its floor, the least in each window, which is what
 * survives a major collection: its median swings with the collector's saw-tooth (100 to 300 MB
 * under this load) more than any leak would move it. Slopes are fitted to the floor of each
 * minute, for the same reason.
 */
function judge(samples: Sample[]): string[] {
  const measured = samples.filter((sample) => sample.at > WARMUP_SECONDS);
  const span = SECONDS - WARMUP_SECONDS;
  const window = Math.min(60, span / 3);
  const first = measured.filter((sample) => sample.at <= WARMUP_SECONDS + window);
  const last = measured.filter((sample) => sample.at >= SECONDS - window);
  if (first.length === 0 || last.length === 0) return ['too few samples: raise SOAK_SECONDS'];
  const judgedSlope = span >= SLOPE_MIN_SPAN_SECONDS;
  const verdicts: string[] = [];
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
  for (const [name, read, byFloor] of [
    ['RSS', (sample: Sample) => sample.rssMb, false],
    ['heap', (sample: Sample) => sample.heapMb, true],
  ] as const) {
    const medians = [median(first.map(read)), median(last.map(read))] as const;
    const floors = [Math.min(...first.map(read)), Math.min(...last.map(read))] as const;
    const minutes = new Map<number, number>();
    for (const sample of measured) {
      const minute = Math.floor((sample.at - WARMUP_SECONDS) / 60);
      minutes.set(minute, Math.min(minutes.get(minute) ?? Number.POSITIVE_INFINITY, read(sample)));
    }
    const trend = slope([...minutes].map(([minute, value]) => ({ at: minute * 60, value })));
    const growth = byFloor ? floors[1] - floors[0] : medians[1] - medians[0];
    console.log(
      `${name}: median ${medians[0].toFixed(1)} → ${medians[1].toFixed(1)} MB, floor ${floors[0].toFixed(1)} → ${floors[1].toFixed(
        1,
      )} MB (the ${window.toFixed(0)} s after warm-up → the last ${window.toFixed(0)} s); judged by its ${
        byFloor ? 'floor' : 'median'
      }: ${signed(growth)} MB, bound +${MAX_GROWTH_MB}; slope of the minute floors ${trend.toFixed(2)} MB/min, ${
        judgedSlope ? `bound ${MAX_SLOPE_MB_PER_MINUTE}` : `not judged under ${SLOPE_MIN_SPAN_SECONDS} s measured`
      }`,
    );
    if (growth > MAX_GROWTH_MB) verdicts.push(`${name} grew ${growth.toFixed(1)} MB`);
    if (judgedSlope && trend > MAX_SLOPE_MB_PER_MINUTE) verdicts.push(`${name} rises ${trend.toFixed(2)} MB/min`);
  }
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
    console.log('\n    t (s)   RSS (MB)   heap (MB)   requests    req/s   unexpected');
    for (const sample of samples) {
      console.log(
        `${sample.at.toFixed(0).padStart(9)} ${sample.rssMb.toFixed(1).padStart(10)} ${sample.heapMb.toFixed(1).padStart(11)} ${String(
          sample.requests,
        ).padStart(
          10,
        )} ${(sample.requests / SAMPLE_SECONDS).toFixed(0).padStart(8)} ${String(sample.unexpected).padStart(12)}`,
      );
    }
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
