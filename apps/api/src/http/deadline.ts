import type { RequestHandler } from 'express';

/**
 * Answers 503 when a request outlives its deadline. The database side is bounded by the pool's
 * statement_timeout, set to the same time, so the query is cancelled and its connection returns.
 */
export function deadline(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.locals.timedOut = true;
      // The handler may still try to answer later; closing the connection keeps its late write
      // from reaching a reused keep-alive socket.
      res
        .status(503)
        .set({ 'retry-after': '1', connection: 'close' })
        .json({
          errors: [
            {
              message: `The request took longer than ${ms / 1000} s and was stopped. Ask for less, or retry.`,
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.locals.requestId },
            },
          ],
        });
    }, ms);
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
