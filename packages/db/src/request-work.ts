import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import pg from 'pg';
import type { DbLogger } from './logger.ts';
import { ConnectionSilentError } from './outage.ts';

/**
 * What one HTTP request does in the database, so that its deadline can stop it truthfully.
 *
 * Every statement goes through a `RequestWorkClient` (the pool's `Client`), which finds the request
 * in an AsyncLocalStorage store and counts, per request, the statements running, the transactions
 * open and whether anything committed: a COMMIT that succeeded, or a write outside a transaction.
 * At the deadline, `stop()` refuses the request's further statements (ROLLBACK excepted), cancels
 * those running (`pg_cancel_backend` over a connection of its own), waits for them to return and
 * rolls back its idle transactions. Only then does it say whether anything was written.
 *
 * Statements of a transaction belong to the request that opened it, whatever the store says then,
 * so a rollback run from a timer still counts. Statements outside any request (sign-in checks,
 * housekeeping, the idempotency bookkeeping in `outsideRequestWork`) are not tracked. Prisma batches
 * `findUnique` calls made in the same tick across requests; such a batch runs as the first caller's,
 * which only matters to a read.
 *
 * A request may also mark its commits (`markCommits`): every transaction it commits first runs the
 * marker, an UPDATE of one row, on its own connection right before the COMMIT, and a write it sends
 * outside a transaction is wrapped in BEGIN … marker … COMMIT. So the marker is durable exactly when
 * something of the request is: the Idempotency-Key of a process that died between its commit and
 * storing its answer tells "written, answer lost" from "never written". A marker that matches no
 * row (its row was deleted meanwhile) rolls the transaction back: nothing commits unmarked. It costs
 * one UPDATE per committed transaction, and a BEGIN and COMMIT more per lone write, only for the
 * requests that set one; the others run exactly as before. The row is locked from the marker to
 * its COMMIT only, which waits on nothing: a request's concurrent transactions queue there briefly
 * and cannot deadlock on it. Trap: two concurrent transactions of one request at REPEATABLE READ
 * or SERIALIZABLE would fail the later marker with a serialization error; none runs so today.
 */
export type StopOutcome =
  /** Nothing was written and nothing of this request can be any more. */
  | 'stopped'
  /** Something committed before the statements could be stopped: the request's own answer is the truth. */
  | 'committed'
  /** A COMMIT or a write outside a transaction had not returned within the bound: it may yet commit. */
  | 'uncertain';

/** What a statement can do to the request's writes, by its first keyword. */
type Kind = 'begin' | 'commit' | 'rollback' | 'read' | 'write';

interface Statement {
  client: RequestWorkClient;
  /** A COMMIT or a write outside a transaction: it commits by itself when it succeeds. */
  commits: boolean;
  settled: Promise<void>;
}

const storage = new AsyncLocalStorage<RequestWork>();

/** The statement a request's transactions run right before COMMIT: an UPDATE of exactly one row. */
export interface CommitMarker {
  text: string;
  values: unknown[];
}

/** A commit marker matched no row: the transaction was rolled back rather than committed unmarked. */
export class CommitMarkerMissingError extends Error {
  constructor() {
    super('The row this request marks its commits on is gone; its transaction was rolled back.');
    this.name = 'CommitMarkerMissingError';
  }
}

/** PostgreSQL's "current transaction is aborted": the transaction's COMMIT can only roll it back. */
const IN_FAILED_TRANSACTION = '25P02';

/** Raised in place of a statement the request may no longer run. */
export class RequestStoppedError extends Error {
  constructor() {
    super('The request was stopped at its deadline; this statement was not sent.');
    this.name = 'RequestStoppedError';
  }
}

export class RequestWork {
  /** `running`, then at the deadline `stopping` (only ROLLBACK passes) or `no-commit` (reads outside a transaction pass too). */
  #mode: 'running' | 'stopping' | 'no-commit' = 'running';
  #committed = false;
  readonly #inFlight = new Set<Statement>();
  readonly #transactions = new Set<RequestWorkClient>();
  /** While the deadline decides, results are held back, so that the request cannot answer first. */
  #decision: Promise<void> | undefined;
  #commitMarker: CommitMarker | undefined;

  /** Runs `work` (and everything it starts) as this request's. */
  run<T>(work: () => T): T {
    return storage.run(this, work);
  }

  /**
   * From now on, every transaction of this request runs `marker` right before its COMMIT, and every
   * write outside a transaction runs inside one with it: see the comment at the top.
   */
  markCommits(marker: CommitMarker): void {
    this.#commitMarker = marker;
  }

  /** The marker its commits run, if any. */
  get commitMarker(): CommitMarker | undefined {
    return this.#commitMarker;
  }

  /** True once the deadline has stopped this request: it may not commit anything more. */
  get stopped(): boolean {
    return this.#mode !== 'running';
  }

  /** How many of the request's statements are running in the database now. */
  get running(): number {
    return this.#inFlight.size;
  }

  /** True when something of this request committed, or may have (a COMMIT whose answer was lost). */
  get committed(): boolean {
    return this.#committed;
  }

  /**
   * Stops the request: refuses what it sends next, cancels what it runs, waits at most `timeoutMs`
   * for that to return and for its transactions to roll back, then calls `answer` with the outcome
   * before the request sees any result, so that the deadline's answer goes out first. A request that
   * committed before its deadline keeps reading, so that its own answer can be assembled, but can
   * commit nothing more; after `graceMs` it is refused everything.
   */
  async stop(timeoutMs: number, graceMs: number, answer: (outcome: StopOutcome) => void): Promise<StopOutcome> {
    if (this.#mode !== 'running') throw new Error('request work stopped twice');
    const until = Date.now() + timeoutMs;
    const alreadyCommitted = this.#committed;
    this.#mode = alreadyCommitted ? 'no-commit' : 'stopping';
    let decided = () => {};
    this.#decision = new Promise((resolve) => {
      decided = resolve;
    });
    try {
      // A request that wrote already gets its answer; only what could still commit is cancelled.
      const targets = [...this.#inFlight].filter((s) => !alreadyCommitted || s.commits || s.client.transaction);
      if (targets.length > 0) {
        await bounded(cancelBackends(targets.map((s) => s.client)), until);
        await bounded(Promise.all(targets.map((s) => s.settled)), until);
      }
      const rollbacks = [...this.#transactions]
        .filter((client) => ![...this.#inFlight].some((s) => s.client === client))
        .map((client) => {
          const rollback = { client, done: false, settled: client.rollbackNow() };
          rollback.settled.then(() => {
            rollback.done = true;
          });
          return rollback;
        });
      await bounded(Promise.all(rollbacks.map((rollback) => rollback.settled)), until);
      const outcome: StopOutcome = this.#committed
        ? 'committed'
        : [...this.#inFlight].some((s) => s.commits)
          ? 'uncertain'
          : 'stopped';
      // A connection that answered neither its statement's cancel nor a ROLLBACK within the bound has
      // stopped answering (a stalled network, a failover): closed, so that the pool replaces it rather
      // than hand it to the next request, which would hang on it too.
      const silent = new Set([
        ...targets.filter((s) => this.#inFlight.has(s)).map((s) => s.client),
        ...rollbacks.filter((rollback) => !rollback.done).map((rollback) => rollback.client),
      ]);
      if (outcome === 'committed') {
        this.#mode = 'no-commit';
        setTimeout(() => {
          this.#mode = 'stopping';
        }, graceMs).unref();
      }
      answer(outcome);
      // After the answer: pg-pool hands a connection's error to its query at once, past the hold.
      for (const client of silent) client.closeSilent('no answer at the request deadline');
      return outcome;
    } finally {
      decided();
      this.#decision = undefined;
    }
  }

  /** True when this statement may not run now. */
  refuses(kind: Kind, inTransaction: boolean): boolean {
    if (this.#mode === 'running' || kind === 'rollback') return false;
    return this.#mode === 'stopping' || inTransaction || kind !== 'read';
  }

  /** Counts a statement sent; `done` with its error or its command tag once it returned. */
  track(client: RequestWorkClient, kind: Kind): { done: (error: unknown, command?: string) => void } {
    let settle = () => {};
    const statement: Statement = {
      client,
      commits: kind === 'commit' || (kind === 'write' && !client.transaction),
      settled: new Promise<void>((resolve) => {
        settle = resolve;
      }),
    };
    this.#inFlight.add(statement);
    return {
      done: (error, command) => {
        this.#settle(client, kind, error, command);
        this.#inFlight.delete(statement);
        settle();
      },
    };
  }

  /** Resolves when the request may see its results again. */
  released(): Promise<void> {
    return this.#decision ?? Promise.resolve();
  }

  /** The connection's transaction ended, whoever ended it (a statement, or the connection's loss). */
  forget(client: RequestWorkClient): void {
    this.#transactions.delete(client);
  }

  #settle(client: RequestWorkClient, kind: Kind, error: unknown, command: string | undefined): void {
    // A server's refusal (a DatabaseError, with its SQLSTATE) means the statement did nothing; a lost
    // answer (a reset or closed connection, whose errors carry codes too) may hide a commit.
    const refusedByServer = error instanceof pg.DatabaseError;
    if (kind === 'begin') {
      if (!error) {
        client.transaction = this;
        this.#transactions.add(client);
      }
      return;
    }
    const inTransaction = client.transaction !== undefined;
    if (kind === 'commit' || kind === 'rollback') {
      client.transaction = undefined;
      this.#transactions.delete(client);
    }
    const committing = kind === 'commit' || (kind === 'write' && !inTransaction);
    // PostgreSQL answers COMMIT of a failed transaction with the tag ROLLBACK, not an error.
    if (committing && !refusedByServer && !(kind === 'commit' && !error && command === 'ROLLBACK')) {
      this.#committed = true;
    }
  }
}

/** The request whose work the caller is part of, if any. */
export function currentRequestWork(): RequestWork | undefined {
  return storage.getStore();
}

/** Runs `work` as no request's: bookkeeping that must run, and count as no write, even once stopped. */
export function outsideRequestWork<T>(work: () => T): T {
  return storage.exit(work);
}

/** The statement's kind by its first keyword; anything unknown counts as a write. */
export function statementKind(text: string): Kind {
  const head = text
    .replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '')
    .slice(0, 40)
    .toUpperCase();
  const word = /^[A-Z]+/.exec(head)?.[0] ?? '';
  if (word === 'BEGIN' || word === 'START') return 'begin';
  if (word === 'COMMIT' || word === 'END') return 'commit';
  if ((word === 'ROLLBACK' && !/^ROLLBACK\s+(WORK\s+|TRANSACTION\s+)?TO\b/.test(head)) || word === 'ABORT') {
    return 'rollback';
  }
  if (word === 'SELECT' || word === 'SHOW' || word === 'VALUES' || word === 'TABLE') return 'read';
  return 'write';
}

type Callback = (error: Error | null, result?: pg.QueryResult) => void;

/**
 * The pool's connection: every statement is checked against, and counted for, its request. A
 * connection that stops answering (its statement outlived the client-side `query_timeout`, or its
 * request's deadline could not cancel it) is closed, never handed out again: pg would keep it, with
 * the lost statement still at the head of its queue, and every later statement would wait behind it.
 */
export class RequestWorkClient extends pg.Client {
  /** The request whose transaction is open on this connection. */
  transaction: RequestWork | undefined;
  /** How to reach the server again, for the connection that cancels. */
  readonly settings: pg.ClientConfig;
  /** When the server last answered on this connection (a result or an error of its own). */
  lastAnswerAt = Date.now();
  /** Set by the pool: told when this connection is closed for silence. */
  onSilent: ((client: RequestWorkClient) => void) | undefined;
  /** When each statement still unanswered was sent, oldest first (pg runs them in order). */
  readonly #sent: number[] = [];

  constructor(config?: pg.ClientConfig) {
    super(config);
    this.settings = config ?? {};
    this.on('end', () => {
      this.transaction?.forget(this);
      this.transaction = undefined;
    });
    // A connection's failure is emitted here as well as to its statements, and an unhandled 'error'
    // would crash the process. While idle, the pool listens too, and replaces it.
    this.on('error', () => {});
  }

  /**
   * Closes the connection at once (its statements fail with a `ConnectionSilentError`); the pool
   * replaces it. `suspectOthers` tells the pool to look at its idle connections too.
   */
  closeSilent(reason: string, suspectOthers = true): void {
    // pg has no public way: end() is for the pool to call, and a polite goodbye would wait behind
    // the lost statement. Destroying the socket fails its statements, and the pool drops it.
    const stream = (this as unknown as { connection?: { stream?: { destroy(error?: Error): void } } }).connection
      ?.stream;
    if (!stream) return;
    stream.destroy(new ConnectionSilentError(reason));
    if (suspectOthers) this.onSilent?.(this);
  }

  /** Ends this connection's transaction now, past the checks: the deadline's own ROLLBACK. */
  async rollbackNow(): Promise<void> {
    try {
      await this.#send({ text: 'ROLLBACK' });
    } catch (error) {
      // A connection that cannot roll back is lost, and its transaction with it.
      this.#closeIfTimedOut(error);
    }
    this.transaction?.forget(this);
    this.transaction = undefined;
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this forwards them all.
  override query(config: any, values?: any, callback?: any): any {
    if (config && typeof config.submit === 'function') return super.query(config, values, callback);
    const done: Callback | undefined =
      typeof values === 'function' ? values : (callback ?? (typeof config?.callback === 'function' && config.callback));
    const query = typeof config === 'string' ? { text: config } : { ...config };
    delete query.callback;
    if (values !== undefined && typeof values !== 'function') query.values = values;

    const work = this.transaction ?? storage.getStore();
    let result: Promise<pg.QueryResult>;
    if (!work) {
      result = this.#send(query).catch((error: unknown) => {
        this.#closeIfTimedOut(error);
        throw error;
      });
    } else {
      const kind = statementKind(String(query.text ?? ''));
      const marker = work.commitMarker;
      if (marker && kind === 'commit' && this.transaction === work) {
        result = this.#markedCommit(work, marker, query);
      } else if (marker && kind === 'write' && this.transaction === undefined) {
        result = this.#markedWrite(work, marker, query);
      } else {
        result = this.#tracked(work, kind, query);
      }
    }
    if (!done) return result;
    result.then(
      (answer) => done(null, answer),
      (error: Error) => done(error),
    );
    return undefined;
  }

  /** One statement of the request's, checked against and counted for it. */
  async #tracked(work: RequestWork, kind: Kind, query: pg.QueryConfig): Promise<pg.QueryResult> {
    if (work.refuses(kind, this.transaction !== undefined)) {
      // Prisma releases a connection whose COMMIT failed without a ROLLBACK: leave it clean.
      if (kind === 'commit') await this.rollbackNow();
      await work.released();
      throw new RequestStoppedError();
    }
    const statement = work.track(this, kind);
    let answer: pg.QueryResult;
    try {
      answer = await this.#send(query);
    } catch (error) {
      statement.done(error);
      await work.released();
      // Only now: closing fails the connection's query through pg-pool at once, which must not
      // answer the request before its deadline has.
      this.#closeIfTimedOut(error);
      throw error;
    }
    statement.done(null, answer.command);
    await work.released();
    return answer;
  }

  /** The marker, then the COMMIT: both or neither. */
  async #markedCommit(work: RequestWork, marker: CommitMarker, commit: pg.QueryConfig): Promise<pg.QueryResult> {
    try {
      const marked = await this.#tracked(work, 'write', { text: marker.text, values: marker.values });
      if (marked.rowCount !== 1) throw new CommitMarkerMissingError();
    } catch (error) {
      // A transaction that failed already: its COMMIT answers ROLLBACK, as it did without a marker.
      if (error instanceof pg.DatabaseError && error.code === IN_FAILED_TRANSACTION) {
        return this.#tracked(work, 'commit', commit);
      }
      // Not committed: rolled back here, because Prisma releases a connection whose COMMIT failed.
      if (this.transaction === work) await this.rollbackNow();
      throw error;
    }
    return this.#tracked(work, 'commit', commit);
  }

  /** A write outside a transaction, made one: BEGIN, the write, the marker, COMMIT. */
  async #markedWrite(work: RequestWork, marker: CommitMarker, write: pg.QueryConfig): Promise<pg.QueryResult> {
    await this.#tracked(work, 'begin', { text: 'BEGIN' });
    try {
      const answer = await this.#tracked(work, 'write', write);
      await this.#markedCommit(work, marker, { text: 'COMMIT' });
      return answer;
    } catch (error) {
      if (this.transaction === work) await this.rollbackNow();
      throw error;
    }
  }

  /** Since when the oldest statement still unanswered on this connection was sent, if any. */
  get waitingSince(): number | undefined {
    return this.#sent[0];
  }

  /** The server process behind this connection, once connected. */
  get backendPid(): number | undefined {
    return (this as unknown as { processID?: number | null }).processID ?? undefined;
  }

  /** One statement to the server, noting when it answered. */
  async #send(query: pg.QueryConfig): Promise<pg.QueryResult> {
    const sentAt = Date.now();
    this.#sent.push(sentAt);
    try {
      const answer = (await super.query(query)) as pg.QueryResult;
      this.lastAnswerAt = Date.now();
      return answer;
    } catch (error) {
      if (error instanceof pg.DatabaseError) this.lastAnswerAt = Date.now();
      throw error;
    } finally {
      this.#sent.splice(this.#sent.indexOf(sentAt), 1);
    }
  }

  /** After pg's read timeout, the lost statement still heads the connection's queue: close it. */
  #closeIfTimedOut(error: unknown): void {
    if ((error as Error | undefined)?.message === 'Query read timeout') {
      this.closeSilent('no answer within the query timeout');
    }
  }
}

/** A statement unanswered this long gets its connection checked (`RequestWorkPool`). */
export const SUSPECT_AFTER_MS = 2_000;
/** How long that check may take: a connection of its own and one query. */
const LIVENESS_TIMEOUT_MS = 1_000;

/**
 * A pool of `RequestWorkClient`s. A caller waiting for a free connection is called back from
 * whoever released one, in that caller's context: the callback is bound to its own request here.
 *
 * Connections that stopped answering are found before their statements time out: once a second,
 * the connections with a statement unanswered for `SUSPECT_AFTER_MS` are looked up in
 * `pg_stat_activity` over a connection of its own. One whose server session is gone (a failover:
 * the new server accepts, the old one is gone without a word) is closed. When the lookup itself
 * cannot connect, the server is stalled or down, and the timeouts deal with that. This, like the
 * deadline's cancel, assumes that the URL names one PostgreSQL server that the pool talks to
 * itself: not a pooler that hands out other sessions, nor replicas behind one name (there, a long
 * statement's connection could be closed for a session the lookup's server does not have).
 *
 * When one connection is closed for silence, every idle one that has not heard from the server
 * since that one last did is as suspect (a failover leaves all of them talking to nobody): they are
 * closed too, so that the next requests get new connections instead of each finding a dead one.
 */
export class RequestWorkPool extends pg.Pool {
  readonly #clients = new Set<RequestWorkClient>();
  readonly #idle = new Set<RequestWorkClient>();
  readonly #log: DbLogger | undefined;
  readonly #watch: NodeJS.Timeout;
  #checking = false;

  constructor(config?: pg.PoolConfig, log?: DbLogger) {
    super({ ...config, Client: RequestWorkClient });
    this.#log = log;
    const own = (client: pg.PoolClient) => client as unknown as RequestWorkClient;
    this.on('connect', (client) => {
      own(client).onSilent = (silent) => this.#evictSince(silent);
      this.#clients.add(own(client));
    });
    this.on('acquire', (client) => this.#idle.delete(own(client)));
    this.on('release', (error, client) => {
      if (!error) this.#idle.add(own(client));
    });
    this.on('remove', (client) => {
      this.#idle.delete(own(client));
      this.#clients.delete(own(client));
    });
    this.#watch = setInterval(() => void this.#checkSuspects(), 1_000).unref();
  }

  // biome-ignore lint/suspicious/noExplicitAny: forwards pg-pool's callback and promise forms.
  override connect(callback?: any): any {
    return super.connect(callback ? AsyncResource.bind(callback) : undefined);
  }

  // biome-ignore lint/suspicious/noExplicitAny: forwards pg-pool's callback and promise forms.
  override end(callback?: any): any {
    clearInterval(this.#watch);
    return super.end(callback);
  }

  async #checkSuspects(): Promise<void> {
    const since = Date.now() - SUSPECT_AFTER_MS;
    const suspects = [...this.#clients].filter(
      (client) => client.backendPid !== undefined && (client.waitingSince ?? Number.POSITIVE_INFINITY) <= since,
    );
    if (this.#checking || suspects.length === 0) return;
    this.#checking = true;
    try {
      const live = await aboutBackends<{ pid: number }>(
        suspects,
        'SELECT pid FROM pg_stat_activity WHERE pid = ANY($1::int[])',
        LIVENESS_TIMEOUT_MS,
      );
      if (!live) return;
      const alive = new Set(live.map((row) => row.pid));
      for (const client of suspects) {
        if (client.waitingSince !== undefined && !alive.has(client.backendPid as number)) {
          client.closeSilent('its session is gone from the server');
        }
      }
    } finally {
      this.#checking = false;
    }
  }

  #evictSince(silent: RequestWorkClient): void {
    const suspects = [...this.#idle].filter((client) => client.lastAnswerAt <= silent.lastAnswerAt);
    for (const client of suspects) {
      this.#idle.delete(client);
      client.closeSilent('as quiet as a connection that stopped answering', false);
    }
    this.#log?.warn(
      { idleClosed: suspects.length },
      'database connection stopped answering: closed it, and the idle ones as quiet as it',
    );
  }
}

/** Sends a cancel to each connection's backend; it resolves once the signals are sent. */
async function cancelBackends(clients: RequestWorkClient[]): Promise<void> {
  // The statements end anyway, by statement_timeout, or with their connection, if this fails.
  await aboutBackends(clients, 'SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid');
}

/**
 * Runs `text`, with the connections' backend pids as `$1`, over a connection of its own: the pool's
 * may all be taken, by the very request at stake among others. Undefined when that failed.
 */
async function aboutBackends<Row extends pg.QueryResultRow>(
  clients: RequestWorkClient[],
  text: string,
  timeoutMs?: number,
): Promise<Row[] | undefined> {
  const pids = [...new Set(clients.map((client) => client.backendPid))];
  const first = clients[0];
  if (!first || pids.length === 0) return undefined;
  const side = new pg.Client({
    ...first.settings,
    statement_timeout: 0,
    ...(timeoutMs ? { connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs } : {}),
  });
  side.on('error', () => {});
  try {
    await side.connect();
    return (await side.query<Row>(text, [pids])).rows;
  } catch {
    return undefined;
  } finally {
    side.end().catch(() => {});
  }
}

/** Waits for `work` until the time `until`, whichever comes first. */
async function bounded(work: Promise<unknown>, until: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, Math.max(0, until - Date.now()));
    }),
  ]);
  clearTimeout(timer);
}
