import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * What a page on another origin may send: the credential, the JSON body's type, Apollo's CSRF
 * markers, and the SDK's Idempotency-Key and request id. Anything else is refused at the preflight.
 */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'idempotency-key',
  'x-request-id',
];

/** Response headers such a page may read beyond the safelisted ones: the SDK reads Retry-After. */
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'ratelimit-remaining'];

/** How long a browser may reuse a preflight's answer; Chromium caps it at 2 hours. */
export const CORS_MAX_AGE_SECONDS = 7200;

/**
 * CORS for /graphql from an allow-list of exact origins. An allowed origin gets its own origin back,
 * never `*`; an origin not on the list gets no CORS header at all, so its browser withholds the
 * answer. Credentials are never allowed: the API authenticates with a bearer header, not cookies,
 * so a page has no reason to send the user's cookies along.
 *
 * Every OPTIONS request is answered here, before the deadline, authentication and rate limit: a
 * preflight carries no credential and must not spend a budget.
 */
export function crossOrigin(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: CORS_MAX_AGE_SECONDS,
    credentials: false,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    // The answer differs by Origin for every request, allowed or not: caches must keep them apart.
    res.vary('Origin');
    handler(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.method !== 'OPTIONS') return next();
      // Not a preflight from an allowed origin: what the endpoint accepts, and no CORS header.
      res.status(204).set({ allow: 'GET, POST, OPTIONS', 'content-length': '0' }).end();
    });
  };
}
