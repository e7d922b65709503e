import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, serverReady, startServerProcess } from './server-process.ts';

// The built server as `pnpm start` runs it (dist/main.js, dependencies from their dist), killed,
// signalled and starved of its database as an orchestrator and a failing host would. Build it
// first: `pnpm --filter @seminarhub/db build && pnpm --filter @seminarhub/api build` (CI's
// `pnpm build` does). One data directory serves the three scenarios in turn.
const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(API_DIR, 'dist', 'main.js');
const ADMIN_EMAIL = 'faults@example.org';
const ADMIN_PASSWORD = 'a long enough password for faults';

type Started = ServerProcess;

function startBuilt(dataDir: string, env: Record<string, string> = {}): Started {
  const server = startServerProcess(
    { DATA_DIR: dataDir, HOST: '127.0.0.1', SEED: 'false', ADMIN_EMAIL, ADMIN_PASSWORD, ...env },
    { built: true },
  );
  running.push(server.child);
  return server;
}

const ready = serverReady;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function graphql(port: number, query: string, variables: object = {}, token?: string, key?: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

async function signIn(port: number): Promise<string> {
  const { body } = await graphql(
    port,
    'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
    { e: ADMIN_EMAIL, p: ADMIN_PASSWORD },
  );
  return body.data.login.token;
}

/** One HTTP/1.1 exchange on a socket of our own, so that keep-alive and Connection headers are what we see. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  at: number;
}

class RawConnection {
  readonly socket: Socket;
  closedAt: number | undefined;
  #buffer = Buffer.alloc(0);
  #waiting: (() => void) | undefined;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#waiting?.();
    });
    this.socket.on('error', () => {});
    this.socket.on('close', () => {
      this.closedAt = performance.now();
      this.#waiting?.();
    });
  }

  static request(body: string): { head: string; body: string } {
    return {
      head:
        'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: keep-alive\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      body,
    };
  }

  /** Reads one answer (Content-Length or chunked); undefined when the connection closed first. */
  async answer(): Promise<Answer | undefined> {
    for (;;) {
      const parsed = this.#parse();
      if (parsed) return parsed;
      if (this.closedAt !== undefined) return undefined;
      await new Promise<void>((done) => {
        this.#waiting = done;
      });
      this.#waiting = undefined;
    }
  }

  #parse(): Answer | undefined {
    const end = this.#buffer.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...lines] = this.#buffer.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let total: number;
    if (headers['content-length'] !== undefined) {
      total = end + 4 + Number(headers['content-length']);
      if (this.#buffer.length < total) return undefined;
    } else {
      const last = this.#buffer.indexOf('\r\n0\r\n\r\n', end);
      if (last < 0) return undefined;
      total = last + 7;
    }
    this.#buffer = this.#buffer.subarray(total);
    return { status: Number(statusLine.split(' ')[1]), headers, at: performance.now() };
  }

  async closed(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (this.closedAt === undefined && Date.now() < until) await sleep(20);
    return this.closedAt !== undefined;
  }
}

/** The postmaster of this data directory's cluster and its children: only the processes we started. */
async function clusterProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) children.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return [postmaster, ...children];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const ORGANIZATION_CREATE =
  'mutation($name: String!) { organizationCreate(input: { name: $name, countryCode: "UZ", type: ACADEMIA }) { organization { id } userErrors { code } } }';

let dataDir: string;
const running: ChildProcess[] = [];
beforeAll(async () => {
  if (!existsSync(MAIN)) {
    throw new Error(
      `${MAIN} is missing: run pnpm --filter @seminarhub/db build && pnpm --filter @seminarhub/api build`,
    );
  }
  dataDir = await mkdtemp(join(tmpdir(), 'seminarhub-faults-'));
});
afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // A server killed here leaves its PostgreSQL running: thaw it if frozen, then stop it, ours only.
  if (existsSync(join(dataDir, 'postgres', 'postmaster.pid'))) {
    const [postmaster, ...children] = await clusterProcesses(dataDir).catch(() => []);
    for (const pid of [postmaster, ...children]) signal(pid, 'SIGCONT');
    signal(postmaster, 'SIGINT');
    for (let waited = 0; postmaster && waited < 10_000 && isAlive(postmaster); waited += 100) await sleep(100);
    if (postmaster && isAlive(postmaster)) signal(postmaster, 'SIGKILL');
  }
  await rm(dataDir, { recursive: true, force: true });
});

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(pid, name);
  } catch {
    // Gone.
  }
}

describe('the built server under process faults', () => {
  let port: number;
  let server: Started;
  /** Writes whose request the kill cut, still claimed by the dead process at the restart (409). */
  const stuck: string[] = [];
  let crashedAt = 0;
  /** A session of the administrator: sessions are rows, valid on every later process. */
  let adminToken: string;

  it('kill -9 during 8 concurrent writers: every acknowledged write is there after a restart that takes over at once', async () => {
    const first = startBuilt(dataDir);
    const firstPort = await ready(first);
    const token = await signIn(firstPort);
    const acknowledged: string[] = [];
    const cut: string[] = [];
    let stop = false;
    // Each write under an Idempotency-Key, its name: the ones the kill cuts are retried afterwards.
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const name = `fault-${n}-${i}`;
        try {
          const { status, body } = await graphql(firstPort, ORGANIZATION_CREATE, { name }, token, name);
          if (status === 200 && body.data?.organizationCreate?.organization?.id) acknowledged.push(name);
        } catch {
          cut.push(name);
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, n) => writer(n));
    // Past the first, slow requests of a new process: the kill should find the writers mid-request,
    // their keys claimed. A fixed 1.5 s saw a single write acknowledged on a loaded machine.
    await sleep(1_500);
    for (const until = performance.now() + 15_000; acknowledged.length < 16 && performance.now() < until; ) {
      await sleep(100);
    }
    const orphan = (await clusterProcesses(dataDir))[0] as number;
    first.child.kill('SIGKILL');
    crashedAt = performance.now();
    await first.exited;
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(0);

    const restartStarted = performance.now();
    server = startBuilt(dataDir);
    port = await ready(server);
    const restartMs = Math.round(performance.now() - restartStarted);
    console.log(`kill -9 after ${acknowledged.length} acknowledged writes; restart ready in ${restartMs} ms`);
    expect(server.output()).toContain('taking over the data directory from a server that is no longer running');
    expect(server.output()).toContain('stopping a PostgreSQL left running by a previous server');
    expect(isAlive(orphan)).toBe(false);
    // The stale lock alone used to hold a restart back 17-20 s.
    expect(restartMs).toBeLessThan(10_000);

    adminToken = await signIn(port);
    const found = new Set<string>();
    for (let i = 0; i < acknowledged.length; i += 50) {
      const { body } = await graphql(
        port,
        'query($names: [String!]!) { organizations(first: 100, filter: { name: { in: $names } }) { nodes { name } } }',
        { names: acknowledged.slice(i, i + 50) },
        adminToken,
      );
      for (const node of body.data.organizations.nodes) found.add(node.name);
    }
    expect(acknowledged.filter((name) => !found.has(name))).toEqual([]);

    // A cut write retried at once: its key is still claimed by the dead process (409), or was never claimed.
    for (const name of cut) {
      const { status, body } = await graphql(port, ORGANIZATION_CREATE, { name }, adminToken, name);
      if (status === 409) stuck.push(name);
      else expect(body.data?.organizationCreate?.organization?.id).toBeDefined();
    }
    console.log(`${cut.length} writes cut by the kill; ${stuck.length} of their keys answer 409 after the restart`);
  }, 120_000);

  it('SIGTERM under keep-alive load: idle connections close at once, in-flight answers say Connection: close, exit within 1 s of the last', async () => {
    const query = RawConnection.request(JSON.stringify({ query: '{ seminars(first: 1) { totalCount } }' }));
    // Keep-alive connections: one left idle, two with a request in flight (headers and half its body sent).
    const idle = new RawConnection(port);
    const busy = [new RawConnection(port), new RawConnection(port)];
    for (const connection of [idle, ...busy]) {
      connection.socket.write(query.head + query.body);
      const warm = await connection.answer();
      expect(warm?.status).toBe(200);
      expect(warm?.headers.connection).toBe('keep-alive');
    }
    const half = Math.floor(query.body.length / 2);
    for (const connection of busy) connection.socket.write(query.head + query.body.slice(0, half));

    // And load: loops of keep-alive requests, each on a connection of its own, until refused.
    const loadAnswers: (Answer & { sentAt: number })[] = [];
    const loop = async () => {
      const connection = new RawConnection(port);
      for (;;) {
        const sentAt = Date.now();
        connection.socket.write(query.head + query.body);
        const answer = await connection.answer();
        if (!answer) return;
        loadAnswers.push({ ...answer, sentAt });
        if (answer.headers.connection === 'close') return;
      }
    };
    const loops = Array.from({ length: 4 }, () => loop());
    await sleep(300);

    const signalledAt = performance.now();
    server.child.kill('SIGTERM');
    // The idle connection is closed at once; a new request on it is not served.
    expect(await idle.closed(1_000)).toBe(true);
    idle.socket.write(query.head + query.body);
    expect(await idle.answer()).toBeUndefined();

    await sleep(200);
    for (const connection of busy) connection.socket.write(query.body.slice(half));
    const inFlight = await Promise.all(busy.map((connection) => connection.answer()));
    for (const answer of inFlight) {
      expect(answer?.status).toBe(200);
      expect(answer?.headers.connection).toBe('close');
    }
    for (const connection of busy) expect(await connection.closed(1_000)).toBe(true);
    await Promise.all(loops);

    const { code, at } = await server.exited;
    const lastAnswer = Math.max(...inFlight.map((answer) => answer?.at ?? 0), ...loadAnswers.map((a) => a.at));
    const afterLast = Math.round(at - lastAnswer);
    // A request sent once the server had begun to drain (by its log's clock, which is ours) is answered
    // with Connection: close, 503 or the last of its connection, and never served on a kept connection.
    const drainLine = server
      .output()
      .split('\n')
      .find((entry) => entry.includes('shutting down: no new connections'));
    const drainAt = Date.parse(JSON.parse(drainLine as string).time);
    const sentAfter = loadAnswers.filter((answer) => answer.sentAt > drainAt);
    expect(sentAfter.filter((answer) => answer.headers.connection !== 'close')).toEqual([]);
    const refusedAfter = sentAfter.filter((answer) => answer.status === 503).length;
    console.log(
      `SIGTERM: ${loadAnswers.length} load answers, ${sentAfter.length} to requests sent after the drain began (${refusedAfter} of them 503), all Connection: close; exit ${afterLast} ms after the last answer, ${Math.round(at - signalledAt)} ms after the signal`,
    );
    expect(code).toBe(0);
    expect(server.output()).toMatch(/"msg":"stopped"/);
    expect(afterLast).toBeLessThan(1_000);
  }, 60_000);

  it('SIGTERM while PostgreSQL is frozen: exits with code 1 at SHUTDOWN_TIMEOUT_MS and says what it cancelled', async () => {
    const frozenServer = startBuilt(dataDir, { SHUTDOWN_TIMEOUT_MS: '3000' });
    const frozenPort = await ready(frozenServer);
    // Three at once first, so that the pool holds connections for the three that will hang.
    await Promise.all(Array.from({ length: 3 }, () => graphql(frozenPort, '{ seminars(first: 5) { totalCount } }')));
    const processes = await clusterProcesses(dataDir);
    const answers: string[] = [];
    try {
      for (const pid of processes) process.kill(pid, 'SIGSTOP');
      // Requests that reach the database now hang on it.
      const hanging = Array.from({ length: 3 }, () =>
        graphql(frozenPort, '{ seminars(first: 5) { totalCount } }').then(
          ({ status, body }) => answers.push(`${status} ${body.errors?.[0]?.extensions?.code ?? 'data'}`),
          () => {},
        ),
      );
      await sleep(500);
      const signalledAt = performance.now();
      frozenServer.child.kill('SIGTERM');
      const { code, at } = await frozenServer.exited;
      const exitMs = Math.round(at - signalledAt);
      await Promise.all(hanging);
      const line = frozenServer
        .output()
        .split('\n')
        .find((entry) => entry.includes('shutdown did not finish within 3000 ms'));
      console.log(
        `SIGTERM with PostgreSQL frozen: exit code ${code} after ${exitMs} ms; answers [${answers.join(', ')}]; ${line}`,
      );
      expect(code).toBe(1);
      expect(exitMs).toBeGreaterThanOrEqual(2_900);
      expect(exitMs).toBeLessThan(3_000 + 3_000);
      expect(line).toBeDefined();
      const logged = JSON.parse(line as string);
      expect(logged.stage).toBe('draining requests');
      expect(logged.cancelled).toHaveLength(3);
      for (const request of logged.cancelled) {
        expect(request.path).toBe('/graphql');
        expect(request.requestId).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(logged.cancelled.some((request: { statements: number }) => request.statements >= 1)).toBe(true);
      // A request the cancel stopped may still get its answer out before its connection is cut: that
      // the database is unavailable, never data.
      expect(answers.filter((answer) => !answer.endsWith(' SERVICE_UNAVAILABLE'))).toEqual([]);
    } finally {
      for (const pid of processes) signal(pid, 'SIGCONT');
    }
    // The exit handler's fast-shutdown signal waited for the thaw; PostgreSQL stops on its own.
    const postmaster = processes[0] as number;
    for (let waited = 0; waited < 10_000 && isAlive(postmaster); waited += 100) await sleep(100);
    expect(isAlive(postmaster)).toBe(false);
  }, 60_000);

  it('settles the Idempotency-Keys a killed process left in flight once its requests cannot be running: none writes twice', async () => {
    // The release comes when the row is older than the longest a request can run plus a margin for
    // clocks (idempotency.ts): 2 × 500 ms + 1 s + 30 s with a 500 ms deadline, counted by the process
    // that answers the retry. Then a key whose write had committed (its row marked in that write's
    // transaction) answers 409 IDEMPOTENT_RESPONSE_LOST; one whose write had not runs it once.
    expect(stuck.length).toBeGreaterThan(0);
    const releaseMs = 2 * 500 + 1_000 + 30_000;
    const retrying = startBuilt(dataDir, { REQUEST_TIMEOUT_MS: '500' });
    const retryPort = await ready(retrying);
    const token = adminToken;
    const early = await graphql(retryPort, ORGANIZATION_CREATE, { name: stuck[0] }, token, stuck[0]);
    const earlyMs = Math.round(performance.now() - crashedAt);
    if (earlyMs < releaseMs - 2_000) expect(early.status).toBe(409);
    await sleep(Math.max(0, crashedAt + releaseMs + 1_000 - performance.now()));

    const outcomes: string[] = [];
    const counts = { lost: 0, ran: 0 };
    for (const name of stuck) {
      // A 503 from the short deadline wrote nothing and forgot the key: retrying it is what a client does.
      let answer = await graphql(retryPort, ORGANIZATION_CREATE, { name }, token, name);
      for (let attempt = 0; answer.status === 503 && attempt < 5; attempt++) {
        answer = await graphql(retryPort, ORGANIZATION_CREATE, { name }, token, name);
      }
      const { status, body } = answer;
      const code = body.errors?.[0]?.extensions?.code;
      if (status === 409) {
        expect(code).toBe('IDEMPOTENT_RESPONSE_LOST');
        expect(body.errors[0].message).toMatch(/was written, but its answer was lost/);
        expect(Date.parse(body.errors[0].extensions.committedAt)).toBeLessThanOrEqual(Date.now());
        counts.lost++;
      } else {
        expect(status).toBe(200);
        expect(body.data?.organizationCreate?.organization?.id).toBeDefined();
        counts.ran++;
      }
      const { body: listed } = await graphql(
        retryPort,
        'query($name: String!) { organizations(first: 5, filter: { name: { eq: $name } }) { totalCount } }',
        { name },
        token,
      );
      outcomes.push(`${name}: ${status} ${code ?? 'data'}, ${listed.data.organizations.totalCount} row(s)`);
      // Lost or run now, the write is there once: never a second organisation.
      expect(listed.data.organizations.totalCount).toBe(1);
      // And the next retry agrees: the same refusal, or the replay of the run.
      const again = await graphql(retryPort, ORGANIZATION_CREATE, { name }, token, name);
      expect(again.status).toBe(status);
      if (status === 409) expect(again.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENT_RESPONSE_LOST');
      else
        expect(again.body.data.organizationCreate.organization.id).toBe(body.data.organizationCreate.organization.id);
    }
    console.log(
      `${stuck.length} keys left in flight by the kill: 409 at ${earlyMs} ms, settled by ${Math.round(performance.now() - crashedAt)} ms after it: ${counts.lost} written with their answer lost (409 IDEMPOTENT_RESPONSE_LOST), ${counts.ran} released and run once (${outcomes.join('; ')})`,
    );
    retrying.child.kill('SIGTERM');
    expect((await retrying.exited).code).toBe(0);
  }, 90_000);
});
