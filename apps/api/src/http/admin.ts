import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/**
 * The admin UI's page policy: everything from this origin, no inline script, no framing. Mantine sets
 * styles at run time, hence 'unsafe-inline' for styles only.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Where the admin's build is: `apps/admin/dist`, the sibling of this app, found by walking up from this
 * module (src/http/ in development, dist/ when built). Not a package dependency: the admin's tests start
 * this API, so a dependency would make the build graph a cycle (api -> admin -> sdk -> api).
 */
export function adminDist(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    if (existsSync(join(folder, 'admin', 'package.json'))) return join(folder, 'admin', 'dist');
    folder = dirname(folder);
  }
  return join(folder, 'apps', 'admin', 'dist');
}

/**
 * Serves the admin UI at /admin: hashed assets cached for a year, index.html never cached, and any other
 * path under /admin answered with index.html so that the app's own router handles it.
 */
export function adminRouter(dist = adminDist()): Router {
  const router = express.Router();
  const index = join(dist, 'index.html');
  router.use('/admin', (_req, res, next) => {
    res.set({
      'content-security-policy': ADMIN_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
    next();
  });
  router.get('/admin', (req, res, next) => {
    // Relative asset URLs need the trailing slash.
    if (req.originalUrl === '/admin') return res.redirect(301, '/admin/');
    next();
  });
  router.use(
    '/admin/assets',
    express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false, index: false }),
  );
  router.get(/^\/admin(\/.*)?$/, (_req, res) => {
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The admin UI is not built yet: run `pnpm build` (or `pnpm start`) at the repository root.');
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  });
  return router;
}
