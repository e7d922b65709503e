import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers on every answer (nosniff, no framing, no referrer, same-origin resources and
 * opener, HSTS), with the policy of a JSON API: the answer loads nothing and may not be framed. The
 * admin UI and GraphiQL's page set their own policies over this one.
 *
 * HSTS without includeSubDomains: the API may share its domain with other services that are not
 * ours to force onto HTTPS. Browsers ignore the header over plain HTTP, as in development.
 */
export const securityHeaders = once(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    xFrameOptions: { action: 'deny' },
  }),
);

/**
 * helmet's answer to a fixed policy is the same for every request: thirteen middleware calls that
 * set the same headers. They are worked out once, by running it against a response that records
 * them, and then set directly.
 */
function once(middleware: ReturnType<typeof helmet>): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  middleware({} as never, recorder as never, () => {});
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/**
 * The policy of our own pages, the admin UI and GraphiQL: scripts, queries and everything else from
 * this origin only, no inline script, no framing. Both set styles at run time (Mantine, GraphiQL's
 * editor), hence 'unsafe-inline' for styles only. `extra` adds or replaces directives.
 */
export function pagePolicy(extra: Record<string, string[]> = {}) {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      ...extra,
    },
  });
}
