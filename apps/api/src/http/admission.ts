import { AsyncResource } from 'node:async_hooks';
import type { RequestWork } from '@seminarhub/db';
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';
import { sendUnavailable } from './unavailable.ts';

/** Why a request was answered 503 without being worked on. */
export type ShedReason = 'queue_full' | 'queue_wait';

export interface AdmissionOptions {
  /** Requests worked on at once (MAX_CONCURRENT_REQUESTS); default twice the database pool. */
  maxConcurrent?: number;
  /** Requests waiting behind them, first come first served (MAX_QUEUED_REQUESTS); default twice `maxConcurrent`. */
  maxQueued?: number;
  /** Longest wait in the queue (MAX_QUEUE_WAIT_MS); default half the deadline. */
  maxQueueWaitMs?: number;
}

export interface Admission {
  readonly handler: RequestHandler;
  /** Requests being worked on now. */
  readonly running: number;
  /** Requests waiting for a slot now. */
  readonly queued: number;
  readonly limits: Required<AdmissionOptions>;
}

/** The defaults, from the pool and the deadline; see `AdmissionOptions`. */
export function admissionLimits(
  options: AdmissionOptions,
  poolMax: number,
  requestTimeoutMs: number,
): Required<AdmissionOptions> {
  const maxConcurrent = options.maxConcurrent ?? 2 * poolMax;
  return {
    maxConcurrent,
    maxQueued: options.maxQueued ?? 2 * maxConcurrent,
    maxQueueWaitMs: options.maxQueueWaitMs ?? Math.floor(requestTimeoutMs / 2),
  };
}

/** Warnings about shed requests: at most one a second, with what was shed since the last. */
const WARN_INTERVAL_MS = 1_000;

/**
 * Overload is answered, not queued without end: at most `maxConcurrent` requests are worked on, at
 * most `maxQueued` wait behind them in order, and any further request is answered 503 at once. Put
 * it right after the deadline and before authentication, so that a shed request costs no database
 * work, and a queued one still has its deadline, which answers it and takes it out of the queue.
 *
 * Under CPU saturation the event loop runs late, timers too: a request that waited `maxQueueWaitMs`
 * has too little of its deadline left to be answered in time, so it is shed when its wait timer
 * fires or, should that timer be late, when its turn comes, whichever is first.
 *
 * A request holds a database connection for only part of its time here: twice the pool keeps the
 * pool busy while others parse, validate or serialize, and bounds the answers assembled at once.
 */
export function admission(
  limits: Required<AdmissionOptions>,
  log: Logger,
  onShed: (reason: ShedReason) => void = () => {},
): Admission {
  // A count of the requests running and the ones waiting, in arrival order (a Set keeps insertion
  // order and deletes in constant time, for a request whose client leaves while it waits). p-queue
  // did this before, at the cost of an AbortController, a listener, a task record and three promises
  // per request: a fifth of a small read's time here.
  let running = 0;
  const waiting = new Set<Waiting>();
  let shedSinceWarning: Record<ShedReason, number> = { queue_full: 0, queue_wait: 0 };
  let lastWarningAt = 0;

  const shed = (res: Response, reason: ShedReason, message: string) => {
    onShed(reason);
    shedSinceWarning[reason]++;
    const now = Date.now();
    if (now - lastWarningAt >= WARN_INTERVAL_MS) {
      log.warn(
        { shed: shedSinceWarning, running, queued: waiting.size, requestId: res.locals.requestId },
        'overloaded: requests answered 503 without being worked on',
      );
      lastWarningAt = now;
      shedSinceWarning = { queue_full: 0, queue_wait: 0 };
    }
    sendUnavailable(res, message);
  };
  const waitedTooLong = `The server is overloaded: the request waited ${limits.maxQueueWaitMs / 1000} s for its turn and was not run: nothing was written. Retry in a moment.`;

  // The slot is held until the answer is out or the client is gone, then goes to the first request
  // still waiting: one answered meanwhile (its deadline passed) is skipped, one that waited too
  // long (its wait timer late, the event loop busy) is shed.
  const start = (res: Response, resume: () => void) => {
    running++;
    res.once('close', release);
    resume();
  };
  const release = () => {
    running--;
    for (const entry of waiting) {
      waiting.delete(entry);
      clearTimeout(entry.timer);
      const { res } = entry;
      if (res.headersSent || (res.locals.work as RequestWork | undefined)?.stopped) continue;
      if (performance.now() - entry.enqueuedAt > limits.maxQueueWaitMs) {
        shed(res, 'queue_wait', waitedTooLong);
        continue;
      }
      start(res, entry.resume);
      return;
    }
  };

  const handler: RequestHandler = (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    if (running < limits.maxConcurrent && waiting.size === 0) return start(res, next);
    if (waiting.size >= limits.maxQueued) {
      shed(
        res,
        'queue_full',
        `The server is overloaded: ${limits.maxConcurrent} requests are running and ${limits.maxQueued} waiting, ` +
          'so this one was not run: nothing was written. Retry in a moment.',
      );
      return;
    }
    const entry: Waiting = {
      res,
      // It resumes when another request finishes, in that one's async context: bound here, it
      // keeps its own (its trace span; the AsyncLocalStorage of whatever runs after). One that
      // finds a free slot starts at once, in its own context, and needs no binding
      // (AsyncResource.bind costs a deprecation wrapper at every call in Node 20).
      resume: AsyncResource.bind(() => next()),
      enqueuedAt: performance.now(),
      timer: setTimeout(() => {
        if (waiting.delete(entry) && !res.headersSent) shed(res, 'queue_wait', waitedTooLong);
      }, limits.maxQueueWaitMs),
    };
    waiting.add(entry);
    // Answered by its deadline, or its client gone, while it waits: it leaves the line.
    res.once('close', () => {
      if (waiting.delete(entry)) clearTimeout(entry.timer);
    });
  };

  return {
    handler,
    get running() {
      return running;
    },
    get queued() {
      return waiting.size;
    },
    limits,
  };
}

/** A request waiting for a slot. */
interface Waiting {
  res: Response;
  resume: () => void;
  enqueuedAt: number;
  timer: NodeJS.Timeout;
}
