import { AsyncResource } from 'node:async_hooks';
import type { RequestWork } from '@seminarhub/db';
import type { RequestHandler, Response } from 'express';
import PQueue from 'p-queue';
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
/** Why a request's task ends: its response closed (answered, or the client went away). */
const LEFT = new Error('the response closed');

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
  const queue = new PQueue({ concurrency: limits.maxConcurrent });
  let shedSinceWarning: Record<ShedReason, number> = { queue_full: 0, queue_wait: 0 };
  let lastWarningAt = 0;

  const shed = (res: Response, reason: ShedReason, message: string) => {
    onShed(reason);
    shedSinceWarning[reason]++;
    const now = Date.now();
    if (now - lastWarningAt >= WARN_INTERVAL_MS) {
      log.warn(
        { shed: shedSinceWarning, running: queue.pending, queued: queue.size, requestId: res.locals.requestId },
        'overloaded: requests answered 503 without being worked on',
      );
      lastWarningAt = now;
      shedSinceWarning = { queue_full: 0, queue_wait: 0 };
    }
    sendUnavailable(res, message);
  };
  const waitedTooLong = `The server is overloaded: the request waited ${limits.maxQueueWaitMs / 1000} s for its turn and was not run: nothing was written. Retry in a moment.`;

  const handler: RequestHandler = (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    if (queue.pending >= limits.maxConcurrent && queue.size >= limits.maxQueued) {
      shed(
        res,
        'queue_full',
        `The server is overloaded: ${limits.maxConcurrent} requests are running and ${limits.maxQueued} waiting, ` +
          'so this one was not run: nothing was written. Retry in a moment.',
      );
      return;
    }
    const enqueuedAt = performance.now();
    // A queued request resumes when another one finishes, in that one's async context: bound
    // here, it keeps its own (its trace span; the AsyncLocalStorage of whatever runs after). One
    // that finds a free slot starts within `add`, in its own context already, and needs no binding
    // (AsyncResource.bind costs a deprecation wrapper at every call in Node 20).
    const resume = queue.pending < limits.maxConcurrent && queue.size === 0 ? next : AsyncResource.bind(() => next());
    // The answer is out, or the client gone: the request leaves the queue, or frees its slot. A
    // reason made once: abort() without one builds a DOMException for every request.
    const gone = new AbortController();
    res.once('close', () => gone.abort(LEFT));
    let started = false;
    let waitTimer: NodeJS.Timeout | undefined;
    queue
      .add(
        async ({ signal }) => {
          started = true;
          clearTimeout(waitTimer);
          const work = res.locals.work as RequestWork | undefined;
          if (res.headersSent || work?.stopped) return;
          if (performance.now() - enqueuedAt > limits.maxQueueWaitMs) {
            shed(res, 'queue_wait', waitedTooLong);
            return;
          }
          const finished = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
          resume();
          return finished;
        },
        { signal: gone.signal },
      )
      // Rejected only by the abort: the request left the queue, or finished while running.
      .catch(() => clearTimeout(waitTimer));
    // A free slot starts the request at once, within `add`; only a queued one needs the timer.
    if (!started) {
      waitTimer = setTimeout(() => {
        if (!started && !res.headersSent) shed(res, 'queue_wait', waitedTooLong);
      }, limits.maxQueueWaitMs);
    }
  };

  return {
    handler,
    get running() {
      return queue.pending;
    },
    get queued() {
      return queue.size;
    },
    limits,
  };
}
