import { RequestWork, type StopOutcome } from '@seminarhub/db';
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';
import { sendUnavailable } from './unavailable.ts';

/** How long the deadline waits for the request's statements to be cancelled and rolled back. */
export const STOP_TIMEOUT_MS = 1_000;

/**
 * How long a request can go on writing after it started, at most: until its deadline, plus the time
 * to stop it. A request that had committed before its deadline may read on for one more deadline to
 * assemble its answer, and store it; `idempotency.ts` counts on this bound.
 */
export function longestRequestMs(requestTimeoutMs: number): number {
  return 2 * requestTimeoutMs + STOP_TIMEOUT_MS;
}

/**
 * A request that outlives its deadline is stopped, and answered 503 only when that is true: its
 * running statements are cancelled, its transactions rolled back, and nothing it sends later may
 * commit (`RequestWork` in @seminarhub/db counts its statements). When something had committed
 * already, the 503 would lie, so the request's own answer goes out instead, late.
 *
 * `enterRequestWork` makes the rest of the request's handling its `RequestWork`; put it right before
 * Apollo, after the body parser, whose stream callbacks would lose the context.
 */
export function deadline(ms: number, log?: Logger): RequestHandler {
  return (_req, res, next) => {
    const work = new RequestWork();
    res.locals.work = work;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      work
        .stop(STOP_TIMEOUT_MS, ms, (outcome) => answer(res, ms, outcome, log))
        .catch((error: unknown) =>
          log?.error({ err: error, requestId: res.locals.requestId }, 'could not stop a request'),
        );
    }, ms);
    res.on('close', () => clearTimeout(timer));
    next();
  };
}

function answer(res: Response, ms: number, outcome: StopOutcome, log: Logger | undefined): void {
  if (res.headersSent) return;
  const seconds = ms / 1000;
  if (outcome === 'committed') {
    log?.warn({ requestId: res.locals.requestId }, 'request passed its deadline after writing: answering it late');
    return;
  }
  res.locals.timedOut = true;
  const message =
    outcome === 'stopped'
      ? `The request took longer than ${seconds} s and was stopped: nothing was written. Ask for less, or retry.`
      : `The request took longer than ${seconds} s and could not be stopped in time: it may have been written. ` +
        'Check before retrying, or retry with the same Idempotency-Key.';
  if (outcome === 'uncertain') log?.warn({ requestId: res.locals.requestId }, 'request could not be stopped in time');
  // The handler may still try to answer later; closing the connection keeps its late write
  // from reaching a reused keep-alive socket.
  sendUnavailable(res, message, { connection: 'close' });
}

/** Runs the rest of the request as its `RequestWork`; one stopped already is answered by its deadline. */
export const enterRequestWork: RequestHandler = (_req, res, next) => {
  const work = res.locals.work as RequestWork | undefined;
  if (!work) return next();
  if (work.stopped) return;
  work.run(next);
};
