import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { pagePolicy } from './headers.ts';
import { immutableAssets } from './static-assets.ts';

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
 * Serves the admin UI at /admin: hashed assets cached for a year, in the brotli or gzip form the build
 * wrote beside them when the browser takes it; index.html never cached; any other path under /admin
 * answered with index.html so that the app's own router handles it.
 */
export function adminRouter(dist = adminDist()): Router {
  const router = express.Router();
  const index = join(dist, 'index.html');
  // The other security headers come from helmet for every route (server.ts).
  router.use('/admin', pagePolicy());
  router.get('/admin', (req, res, next) => {
    // Relative asset URLs need the trailing slash.
    if (req.originalUrl === '/admin') return res.redirect(301, '/admin/');
    next();
  });
  router.use('/admin/assets', immutableAssets(join(dist, 'assets')));
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
