import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.ts';
import type { Observation } from './metrics.ts';

/** Probes and scrapes arrive every few seconds: logged at debug, so that info shows traffic. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One line per answered request, with the request id the client got in X-Request-Id. Only what an
 * operator needs to find a request: never bodies, query strings (GET /graphql carries the query and
 * its variables there) or headers (Authorization, Cookie).
 */
export function accessLog(logger: Logger): RequestHandler {
  const line = (req: IncomingMessage, res: ServerResponse, durationMs: number) => {
    const request = req as Request;
    const response = res as Response;
    const observation = response.locals.observation as Observation | undefined;
    return {
      method: request.method,
      path: pathOf(request),
      status: response.statusCode,
      durationMs,
      ...(observation?.operation ? { operation: observation.operation } : {}),
      // The client went away before the answer was complete.
      ...(response.writableFinished ? {} : { aborted: true }),
    };
  };
  return pinoHttp({
    logger,
    genReqId: (_req, res) => (res as Response).locals.requestId as string,
    customAttributeKeys: { reqId: 'requestId' },
    // Neither `req` nor `res` bindings: pino-http's serializers would add every header.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (req, res) => (QUIET_PATHS.has(pathOf(req as Request)) && res.statusCode < 500 ? 'debug' : 'info'),
    customSuccessObject: (req, res, value: { responseTime: number }) => line(req, res, value.responseTime),
    customErrorObject: (req, res, _error, value: { responseTime: number }) => line(req, res, value.responseTime),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
  }) as unknown as RequestHandler;
}

function pathOf(req: Request): string {
  return (req.originalUrl ?? req.url).split('?')[0] ?? '';
}
