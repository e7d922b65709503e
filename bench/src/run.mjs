// `pnpm bench`: generate (or reuse) the dataset, start SeminarHub, PostGraphile and the floor as
// separate processes, check every query pair agrees, then time them with autocannon. See README.md.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { config } from './config.mjs';
import { generateDataset } from './generate.mjs';
import { Q4_PEER, Q4_SEMINARHUB, QUERIES, toSeminarHubId } from './queries.mjs';
import { startStatementCounter } from './statement-counter.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = join(here, '..');
const repoRoot = join(benchDir, '..');
const apiDir = join(repoRoot, 'apps/api');
const logDir = join(benchDir, 'results/logs');
mkdirSync(logDir, { recursive: true });
const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const SERVERS = ['seminarhub', 'postgraphile', 'floor'];
const LABEL = { seminarhub: 'SeminarHub', postgraphile: 'PostGraphile', floor: 'floor' };

// The load generator (this process, autocannon included) on its own core; the servers on the other.
if (config.loadCpu !== '') spawnSync('taskset', ['-a', '-p', '-c', config.loadCpu, String(process.pid)]);

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

// Whatever happens to this process, the servers it started go with it.
const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});

async function assertPortFree(port) {
  const inUse = await new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} is in use: stop what listens there (\`ss -ltnp | grep ${port}\`) first`);
}

function startProcess(name, args, { cwd, env }) {
  const out = openSync(join(logDir, `${name}.log`), 'a');
  const command = config.serverCpu !== '' ? 'taskset' : 'node';
  const argv = config.serverCpu !== '' ? ['-c', config.serverCpu, 'node', ...args] : args;
  const child = spawn(command, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  child.exited = new Promise((resolve) => child.on('exit', resolve));
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function stopProcess(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([child.exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) child.kill('SIGKILL');
}

async function waitReady(name, child, url, body) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}); see ${logDir}/${name}.log`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (response.status < 500) return;
    } catch {}
    await sleep(250);
  }
  throw new Error(`${name} not ready within 90 s; see ${logDir}/${name}.log`);
}

/** Starts the three servers against `databaseUrls[server]` and signs SeminarHub in as an admin. */
async function startServers(databaseUrls) {
  const { ports } = config;
  for (const port of Object.values(ports)) await assertPortFree(port);
  const servers = {
    // As `pnpm --filter @seminarhub/api start` runs it, in production mode. SEED=false: the bench's
    // dataset only. RATE_LIMIT_POINTS: one admin token sends thousands of requests a second here;
    // the limiter's default 600 a minute would answer most of them 429 and we would time refusals.
    seminarhub: startProcess('seminarhub', ['--enable-source-maps', '--import', './dist/tracing.js', 'dist/main.js'], {
      cwd: apiDir,
      env: {
        NODE_ENV: 'production',
        PORT: String(ports.seminarhub),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrls.seminarhub,
        SEED: 'false',
        RATE_LIMIT_POINTS: '1000000000',
        ADMIN_EMAIL: config.adminEmail,
        ADMIN_PASSWORD: config.adminPassword,
      },
    }),
    postgraphile: startProcess('postgraphile', ['--require', './src/with-resolvers.cjs', 'src/peer.mjs'], {
      cwd: benchDir,
      env: {
        NODE_ENV: 'production',
        GRAPHILE_ENV: 'production',
        PORT: String(ports.postgraphile),
        DATABASE_URL: databaseUrls.postgraphile,
      },
    }),
    floor: startProcess('floor', ['src/floor.mjs'], {
      cwd: benchDir,
      env: { NODE_ENV: 'production', PORT: String(ports.floor), DATABASE_URL: databaseUrls.floor },
    }),
  };
  const probe = JSON.stringify({ query: '{ __typename }' });
  await Promise.all([
    waitReady('seminarhub', servers.seminarhub, urlOf('seminarhub'), probe),
    waitReady('postgraphile', servers.postgraphile, urlOf('postgraphile'), probe),
    waitReady('floor', servers.floor, `http://127.0.0.1:${ports.floor}/Q0`, '{}'),
  ]);
  const login = await graphql('seminarhub', {
    query: 'mutation($input: LoginInput!) { login(input: $input) { token userErrors { message } } }',
    variables: { input: { email: config.adminEmail, password: config.adminPassword } },
  });
  const token = login.data?.login?.token;
  if (!token) throw new Error(`could not sign in to SeminarHub as the bench admin: ${JSON.stringify(login)}`);
  return {
    children: servers,
    headers: { seminarhub: { authorization: `Bearer ${token}` }, postgraphile: {}, floor: {} },
  };
}

function urlOf(server, query) {
  if (server === 'floor') return `http://127.0.0.1:${config.ports.floor}/${query}`;
  return `http://127.0.0.1:${config.ports[server]}/graphql`;
}

let authHeaders = {};
async function graphql(server, body, query) {
  const response = await fetch(urlOf(server, query), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authHeaders[server] ?? {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...JSON.parse(text) };
  } catch {
    return { status: response.status, errors: [{ message: text.slice(0, 300) }] };
  }
}

// ---------------------------------------------------------------------------------------------
// Process and database measurements
// ---------------------------------------------------------------------------------------------

const TICK_MS = 1000 / Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim() || 100);

function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return 0;
  }
}

function statusKb(pid, key) {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {}
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

/** Resets VmHWM (Linux: "5" to clear_refs), so each timed run reports its own peak. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU of the PostgreSQL backends connected to the bench database (other than ours). */
async function backendCpu(client) {
  const { rows } = await client.query(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  const byPid = new Map();
  for (const { pid } of rows) byPid.set(pid, cpuMs(pid));
  return byPid;
}

function backendDelta(before, after) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

// ---------------------------------------------------------------------------------------------
// Checking: the same answers, and statements per request
// ---------------------------------------------------------------------------------------------

async function datasetContext(client) {
  const { seminars, sessionsPerSeminar } = config.sizes;
  const sessions = seminars * sessionsPerSeminar;
  const slots = Math.max(...config.connections, 1);
  if (sessions < slots + 1) throw new Error(`Q4 needs at least ${slots + 1} sessions`);
  const q2 = await client.query(`SELECT md5('seminar' || $1::int)::uuid::text AS id`, [Math.ceil(seminars / 2)]);
  const q3 = await client.query(`SELECT (DATE '2020-01-01' + $1::int)::timestamp AT TIME ZONE 'UTC' AS at`, [
    Math.floor(seminars / 4),
  ]);
  // Q4 writes the last `slots` sessions (one per connection, so versions never collide); the check
  // uses the one before them.
  const q4 = await client.query(
    `SELECT md5('session' || n)::uuid::text AS id FROM generate_series($1::int, $2::int) n ORDER BY n`,
    [sessions - slots, sessions],
  );
  return {
    q2SeminarId: q2.rows[0].id,
    q2SeminarGlobalId: toSeminarHubId('Seminar', q2.rows[0].id),
    q3From: q3.rows[0].at.toISOString(),
    q4CheckSession: q4.rows[0].id,
    q4Sessions: q4.rows.slice(1).map((row) => row.id),
  };
}

async function sessionRows(client, ids) {
  const { rows } = await client.query(
    `SELECT id::text, title, version FROM "Session" WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
    [ids],
  );
  return rows.map((row) => ({ ...row, base: row.title.replace(/ rev \d+$/, '') }));
}

/**
 * The Q4 sessions once the updates still in flight from the previous run (autocannon stops without
 * waiting for its last answers) have landed: versions read too early would make every later
 * request of that connection a conflict.
 */
async function settledSessionRows(client, ids) {
  let rows = await sessionRows(client, ids);
  for (let i = 0; i < 40; i += 1) {
    await sleep(500);
    const again = await sessionRows(client, ids);
    if (isDeepStrictEqual(again, rows)) break;
    rows = again;
  }
  return rows;
}

function q4Body(server, session, version, title) {
  return server === 'seminarhub'
    ? { query: Q4_SEMINARHUB, variables: { id: toSeminarHubId('Session', session), version, title } }
    : { query: Q4_PEER, variables: { id: session, version, title } };
}

function requestBody(server, name, ctx) {
  if (server === 'floor') return {};
  return QUERIES[name][server](ctx);
}

function dataOf(server, name, answer) {
  if (answer.status !== 200 || answer.errors) {
    throw new Error(`${LABEL[server]} failed ${name}: ${answer.status} ${JSON.stringify(answer.errors ?? answer)}`);
  }
  return QUERIES[name].normalize[server](answer.data);
}

/** Every pair must agree before it is timed; a disagreement stops the bench. */
async function checkAnswers(client, ctx) {
  const agreed = [];
  for (const name of config.queries) {
    const spec = QUERIES[name];
    if (spec.mutation) {
      const [row] = await sessionRows(client, [ctx.q4CheckSession]);
      const results = {};
      let version = row.version;
      for (const server of ['seminarhub', 'postgraphile']) {
        const title = `${row.base} rev ${version + 1}`;
        const answer = await graphql(server, q4Body(server, row.id, version, title));
        const applied = dataOf(server, name, answer);
        const expected = { applied: true, id: row.id, title, version: version + 1 };
        const [stored] = await sessionRows(client, [row.id]);
        if (!isDeepStrictEqual(applied, expected) || stored.version !== version + 1 || stored.title !== title) {
          throw new Error(`${LABEL[server]} Q4 did not apply as expected: ${JSON.stringify({ answer, stored })}`);
        }
        // The version just used is stale now: both must refuse it and change nothing.
        const stale = dataOf(server, name, await graphql(server, q4Body(server, row.id, version, `${row.base} stale`)));
        const [after] = await sessionRows(client, [row.id]);
        if (stale.applied || after.title !== title) {
          throw new Error(`${LABEL[server]} Q4 applied a stale version: ${JSON.stringify({ stale, after })}`);
        }
        results[server] = { ...applied, version: 'n+1' };
        version += 1;
      }
      agreed.push(`${name}: both apply at the read version (+1) and refuse a stale one`);
      continue;
    }
    const servers = spec.floor ? SERVERS : ['seminarhub', 'postgraphile'];
    const answers = {};
    for (const server of servers) {
      answers[server] = dataOf(server, name, await graphql(server, requestBody(server, name, ctx), name));
    }
    for (const server of servers.slice(1)) {
      if (!isDeepStrictEqual(answers.seminarhub, answers[server])) {
        const a = JSON.stringify(answers.seminarhub).slice(0, 600);
        const b = JSON.stringify(answers[server]).slice(0, 600);
        throw new Error(`${name}: SeminarHub and ${LABEL[server]} disagree; refusing to time it.\n  ${a}\n  ${b}`);
      }
    }
    const size = JSON.stringify(answers.seminarhub).length;
    agreed.push(`${name}: ${servers.map((server) => LABEL[server]).join(', ')} agree (${size} bytes normalized)`);
    if (name === 'Q3' && answers.seminarhub.nodes.length === 0)
      throw new Error('Q3 matched nothing: dataset too small');
  }
  return agreed;
}

async function countStatements(counters, ctx, client) {
  const perRequest = {};
  const samples = config.smoke ? 3 : 10;
  for (const name of config.queries) {
    const servers = QUERIES[name].floor ? SERVERS : ['seminarhub', 'postgraphile'];
    for (const server of servers) {
      let rows = name === 'Q4' ? await sessionRows(client, [ctx.q4Sessions[0]]) : [];
      const send = async () => {
        if (name !== 'Q4') return graphql(server, requestBody(server, name, ctx), name);
        const [row] = rows;
        const answer = await graphql(server, q4Body(server, row.id, row.version, `${row.base} rev ${row.version + 1}`));
        rows = await sessionRows(client, [row.id]);
        return answer;
      };
      await send();
      await sleep(100);
      const before = counters[server].count();
      for (let i = 0; i < samples; i += 1) {
        const answer = await send();
        if (answer.errors) throw new Error(`${LABEL[server]} ${name}: ${JSON.stringify(answer.errors)}`);
      }
      await sleep(200);
      perRequest[`${name}/${server}`] = (counters[server].count() - before) / samples;
    }
  }
  return perRequest;
}

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------

async function timedRun({ server, name, connections, seconds, ctx, client, pid, measure }) {
  const headers = { 'content-type': 'application/json', ...(authHeaders[server] ?? {}) };
  let bad = 0;
  let unavailable = 0;
  let shed = 0;
  // autocannon hands each answer's body to onResponse, then at once its time to 'response': this
  // carries whether the answer was shed from the one to the other.
  let lastShed = false;
  const checkResponse = (status, body) => {
    lastShed = status === 503 && body.includes(SHED_MESSAGE);
    if (lastShed) shed += 1;
    if (status === 503) unavailable += 1;
    if (status !== 200 || body.includes('"errors"')) bad += 1;
  };
  let requests;
  if (name === 'Q4') {
    // One session per connection: a connection takes a free one for each request and gives it back
    // with its new version on the answer, so no two requests in flight write the same row.
    const slots = await settledSessionRows(client, ctx.q4Sessions.slice(0, connections));
    const free = [...slots];
    requests = [
      {
        setupRequest: (request, context) => {
          context.slot = free.pop() ?? slots[0];
          const slot = context.slot;
          const title = `${slot.base} rev ${slot.version + 1}`;
          return { ...request, body: JSON.stringify(q4Body(server, slot.id, slot.version, title)) };
        },
        onResponse: (status, body, context) => {
          checkResponse(status, body);
          const slot = context.slot;
          // Counted as an error already; its session stays at the version it had.
          if (status !== 200) {
            if (!free.includes(slot)) free.push(slot);
            return;
          }
          try {
            const data = QUERIES.Q4.normalize[server](JSON.parse(body).data);
            if (data.applied) slot.version = data.version;
            else bad += 1;
          } catch {
            bad += 1;
          }
          if (!free.includes(slot)) free.push(slot);
        },
      },
    ];
  } else {
    requests = [{ body: JSON.stringify(requestBody(server, name, ctx)), onResponse: checkResponse }];
  }
  const peakReset = measure && resetPeak(pid);
  const cpuBefore = cpuMs(pid);
  const dbBefore = measure ? await backendCpu(client) : undefined;
  let sampledPeak = 0;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, statusKb(pid, 'VmRSS'));
  }, 100);
  // Latencies from each answer's own time: autocannon's histogram stops at 10 s
  // (highestTrackableValue), so its p99 would read 10,000 ms for anything slower.
  const latencies = [];
  const admitted = [];
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: urlOf(server, name),
        method: 'POST',
        headers,
        connections,
        duration: seconds,
        requests,
        // The API's deadline is 10 s; give slow answers time to arrive rather than count them as errors.
        timeout: 30,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (!lastShed) admitted.push(responseTime);
      lastShed = false;
    });
  });
  clearInterval(sampler);
  if (!measure) return undefined;
  const cpu = cpuMs(pid) - cpuBefore;
  const db = backendDelta(dbBefore, await backendCpu(client));
  const total = result.requests.total;
  const peakKb = peakReset ? statusKb(pid, 'VmHWM') : Math.max(sampledPeak, statusKb(pid, 'VmHWM'));
  return {
    rps: total / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    // Answers other than the admission limit's 503s: the deadline's 503s are admitted requests
    // that ran out of time, and count here with their full wait.
    p99Admitted: percentile(admitted, 0.99),
    peakMb: Math.max(peakKb, sampledPeak) / 1024,
    cpuPerRequest: total ? cpu / total : 0,
    dbCpuPerRequest: total ? db / total : 0,
    // Answered with something other than data: GraphQL errors, any non-200 (503 included), refused
    // Q4 updates; plus autocannon's connection errors and timeouts, which have no status at all.
    errors: bad + result.errors + result.timeouts,
    unavailable,
    shed,
    answers: latencies.length,
    total,
  };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/** The start of the admission limit's 503 message (apps/api/src/http/admission.ts): a request shed unrun. */
const SHED_MESSAGE = 'The server is overloaded';

function shedPercent(stats) {
  const answers = stats.reduce((sum, s) => sum + s.answers, 0);
  return answers ? fmt((100 * stats.reduce((sum, s) => sum + s.shed, 0)) / answers, 1) : '';
}

function percentile(values, share) {
  if (!values.length) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (value, digits = 0) =>
  value === undefined || Number.isNaN(value)
    ? ''
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function report({ runs, statements, agreed, meta }) {
  const lines = [];
  lines.push(`# SeminarHub bench, ${meta.date}`, '');
  lines.push(`- commit: \`${meta.commit}\`${meta.dirty ? ' (with uncommitted changes)' : ''}`);
  lines.push(`- machine: ${meta.machine}; load average at start ${meta.load}`);
  lines.push(`- dataset: ${meta.dataset}`);
  lines.push(
    `- ${config.rounds} round(s), ${config.durationSeconds} s per run after ${config.warmupSeconds} s warm-up, connections ${config.connections.join(' and ')}; servers on CPU ${config.serverCpu || 'any'}, autocannon on CPU ${config.loadCpu || 'any'}`,
  );
  lines.push(`- command: \`${meta.command}\``, '');
  lines.push('Answers checked before timing:', '', ...agreed.map((line) => `- ${line}`), '');
  lines.push(
    '| query | conns | server | req/s | p50 ms | p99 ms | p99 admitted ms | shed % | peak RSS MB | CPU ms/req | PostgreSQL CPU ms/req | SQL statements/req | errors (503) |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const ratioLines = [];
  for (const name of config.queries) {
    for (const connections of config.connections) {
      const servers = QUERIES[name].floor ? SERVERS : ['seminarhub', 'postgraphile'];
      for (const server of servers) {
        const list = runs.filter(
          (run) => run.name === name && run.connections === connections && run.server === server,
        );
        if (!list.length) continue;
        const stats = list.map((run) => run.stats);
        lines.push(
          `| ${name} | ${connections} | ${LABEL[server]} | ${fmt(median(stats.map((s) => s.rps)))} | ${fmt(median(stats.map((s) => s.p50)))} | ${fmt(median(stats.map((s) => s.p99)))} | ${fmt(median(stats.map((s) => s.p99Admitted)))} | ${shedPercent(stats)} | ${fmt(Math.max(...stats.map((s) => s.peakMb)))} | ${fmt(median(stats.map((s) => s.cpuPerRequest)), 2)} | ${fmt(median(stats.map((s) => s.dbCpuPerRequest)), 2)} | ${fmt(statements[`${name}/${server}`], 1)} | ${stats.reduce((sum, s) => sum + s.errors, 0)} (${stats.reduce((sum, s) => sum + s.unavailable, 0)}) |`,
        );
      }
      const pairs = [];
      for (let round = 0; round < config.rounds; round += 1) {
        const of = (server) =>
          runs.find(
            (run) =>
              run.name === name && run.connections === connections && run.round === round && run.server === server,
          );
        const ours = of('seminarhub');
        const theirs = of('postgraphile');
        if (ours && theirs)
          pairs.push({ rps: ours.stats.rps / theirs.stats.rps, p99: ours.stats.p99 / theirs.stats.p99 });
      }
      if (pairs.length) {
        ratioLines.push(
          `| ${name} | ${connections} | ${pairs.map((pair) => fmt(pair.rps, 2)).join(', ')} | **${fmt(median(pairs.map((pair) => pair.rps)), 2)}** | ${fmt(median(pairs.map((pair) => pair.p99)), 2)} |`,
        );
      }
    }
  }
  lines.push(
    '',
    'Ratios pair by pair (each round times SeminarHub and PostGraphile back to back; the order alternates by round):',
    '',
  );
  lines.push('| query | conns | SeminarHub / PostGraphile req/s, per round | median | p99 ratio (median) |');
  lines.push('|---|---|---|---|---|', ...ratioLines);
  lines.push(
    '',
    'req/s, p50, p99, CPU: medians over rounds, over every answer (shed ones included); p99 admitted: the same over the answers that were not shed (a 503 from the deadline counts, with its wait); shed %: the admission limit\'s 503s ("The server is overloaded") over all answers, over all rounds; peak RSS: the highest VmHWM of the server process over the rounds (reset before each run); CPU: utime+stime of the server process (all its threads) per completed request; PostgreSQL CPU: utime+stime of the backends connected to the bench database per request; SQL statements: counted on the wire in the untimed check (Execute and simple Query messages, BEGIN/COMMIT included); errors: non-200 answers, GraphQL errors, timeouts and (Q4) refused updates, over all rounds, with the 503s among them in brackets. The runs of each query use freshly started servers (after the warm-up) unless BENCH_RESTART=0.',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  await generateDataset({ databaseUrl: config.databaseUrl, sizes: config.sizes, regenerate: config.regenerate, log });
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  const ctx = await datasetContext(client);
  const counts = await client.query(
    `SELECT (SELECT count(*) FROM "Seminar")::int AS seminars, (SELECT count(*) FROM "Session")::int AS sessions,
            (SELECT count(*) FROM "SessionSpeaker")::int AS speakers, (SELECT count(*) FROM "Person")::int AS people,
            (SELECT count(*) FROM "Organization")::int AS organizations, (SELECT count(*) FROM "Place")::int AS places,
            (SELECT count(*) FROM "Program")::int AS programmes`,
  );
  const dataset = Object.entries(counts.rows[0])
    .map(([key, value]) => `${value.toLocaleString('en-US')} ${key}`)
    .join(', ');

  // Phase 1, untimed: every server talks to PostgreSQL through a statement counter.
  const target = new URL(config.databaseUrl);
  const counters = {};
  const viaCounter = {};
  for (const server of SERVERS) {
    counters[server] = await startStatementCounter({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(config.databaseUrl);
    url.host = `127.0.0.1:${counters[server].port}`;
    viaCounter[server] = url.href;
  }
  log('checking: starting the servers behind statement counters');
  let running = await startServers(viaCounter);
  authHeaders = running.headers;
  let agreed;
  let statements;
  try {
    agreed = await checkAnswers(client, ctx);
    for (const line of agreed) log(`agree ${line}`);
    statements = await countStatements(counters, ctx, client);
    log('statements per request', statements);
  } finally {
    await Promise.all(Object.values(running.children).map(stopProcess));
    for (const counter of Object.values(counters)) counter.close();
  }

  // Phase 2, timed: the servers talk to PostgreSQL directly.
  log('timing: starting the servers');
  const direct = { seminarhub: config.databaseUrl, postgraphile: config.databaseUrl, floor: config.databaseUrl };
  running = await startServers(direct);
  authHeaders = running.headers;
  const runs = [];
  let fresh = true;
  try {
    for (const connections of config.connections) {
      for (let round = 0; round < config.rounds; round += 1) {
        for (const name of config.queries) {
          // Fresh processes for each query, so its peak RSS is its own and not the heap an earlier
          // query left behind (VmHWM can be reset, but RSS does not shrink back).
          if (config.restartPerQuery && !fresh) {
            await Promise.all(Object.values(running.children).map(stopProcess));
            running = await startServers(direct);
            authHeaders = running.headers;
          }
          fresh = false;
          const servers = QUERIES[name].floor ? SERVERS : ['seminarhub', 'postgraphile'];
          const order = round % 2 === 0 ? servers : [...servers].reverse();
          for (const server of order) {
            const pid = running.children[server].pid;
            const common = { server, name, connections, ctx, client, pid };
            if (config.warmupSeconds > 0) await timedRun({ ...common, seconds: config.warmupSeconds, measure: false });
            const stats = await timedRun({ ...common, seconds: config.durationSeconds, measure: true });
            runs.push({ server, name, connections, round, stats });
            log(
              `${name} c=${connections} round ${round + 1} ${LABEL[server]}: ${fmt(stats.rps)} req/s, p99 ${fmt(stats.p99)} ms, ${fmt(stats.peakMb)} MB, ${fmt(stats.cpuPerRequest, 2)} ms CPU/req, errors ${stats.errors}, shed ${stats.shed}, p99 admitted ${fmt(stats.p99Admitted)} ms`,
            );
          }
        }
      }
    }
  } finally {
    await Promise.all(Object.values(running.children).map(stopProcess));
    await client.end();
  }

  const git = (...args) => spawnSync('git', args, { cwd: repoRoot }).stdout.toString().trim();
  const date = new Date().toISOString();
  const meta = {
    date,
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, PostgreSQL ${(await pgVersion()) ?? '?'}`,
    load,
    dataset,
    command: `${config.smoke ? 'pnpm bench:smoke' : 'pnpm bench'}${envSummary()}`,
  };
  const markdown = report({ runs, statements, agreed, meta });
  console.log(`\n${markdown}\n`);
  const file = join(benchDir, 'results', `${date.slice(0, 19).replace(/:/g, '-')}${config.smoke ? '-smoke' : ''}.md`);
  writeFileSync(file, `${markdown}\n`);
  log(`wrote ${file} in ${Math.round((performance.now() - started) / 1000)} s`);
  const errors = runs.reduce((sum, run) => sum + run.stats.errors, 0);
  if (config.smoke && errors > 0) throw new Error(`smoke: ${errors} failed requests`);
}

function envSummary() {
  const keys = Object.keys(process.env).filter((key) => key.startsWith('BENCH_') && key !== 'BENCH_SMOKE');
  return keys.length ? ` with ${keys.map((key) => `${key}=${process.env[key]}`).join(' ')}` : '';
}

async function pgVersion() {
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
