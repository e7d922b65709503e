import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';
import type { Observation } from './metrics.ts';

/** Probes and scrapes arrive every few seconds: logged at debug, so that info shows traffic. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One line per answered request, with the request id the client got in X-Request-Id. Only what an
 * operator needs to find a request: never bodies, query strings (GET /graphql carries the query and
 * its variables there) or headers (Authorization, Cookie).
 *
 * Written here rather than by pino-http, which made a child logger for every request and cost more
 * than the bench's smallest read; the line is the one it wrote, on the response's `close`, which
 * comes both when the answer is complete and when the client goes away before.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const startedAt = performance.now();
    res.once('close', () => {
      const path = pathOf(req);
      const level = QUIET_PATHS.has(path) && res.statusCode < 500 ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](line(req, res, path, Math.round(performance.now() - startedAt)), 'request');
    });
    next();
  };
}

function line(req: Request, res: Response, path: string, durationMs: number) {
  const observation = res.locals.observation as Observation | undefined;
  return {
    requestId: res.locals.requestId as string,
    method: req.method,
    path,
    status: res.statusCode,
    durationMs,
    ...(observation?.operation ? { operation: observation.operation } : {}),
    // The client went away before the answer was complete.
    ...(res.writableFinished ? {} : { aborted: true }),
  };
}

function pathOf(req: Request): string {
  return (req.originalUrl ?? req.url).split('?')[0] ?? '';
}
