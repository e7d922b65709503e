import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { pagePolicy } from './headers.ts';
import { IMMUTABLE, immutableAssets, type PrecompressOptions, precompress } from './static-assets.ts';

const require = createRequire(import.meta.url);

/** The query GraphiQL opens with: the example seminar's agenda. */
export const EXAMPLE_QUERY = `# The example seminar, its agenda and the proposals its participants wrote.
{
  seminars(first: 5) {
    totalCount
    nodes {
      title
      startDate
      endDate
      sessions(first: 50) {
        nodes {
          kind
          title
          startsAt
          hostOrganization { name }
        }
      }
      proposals(first: 10) {
        nodes { title status }
      }
    }
  }
}
`;

/** Served as a file so that the page needs no inline script (CSP `script-src 'self'`). */
export const GRAPHIQL_BOOT = `(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint, headers: { 'apollo-require-preflight': 'true' } });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: config.query, defaultEditorToolsVisibility: true }));
})();
`;

/** The files GraphiQL's page loads, by the name it asks for. */
function graphiqlFiles(): Record<string, string> {
  // The UMD and min files are not in the packages' `exports`: locate them from package.json.
  const folder = (name: string) => dirname(require.resolve(`${name}/package.json`));
  return {
    'react.js': join(folder('react'), 'umd/react.production.min.js'),
    'react-dom.js': join(folder('react-dom'), 'umd/react-dom.production.min.js'),
    'graphiql.js': join(folder('graphiql'), 'graphiql.min.js'),
    'graphiql.css': join(folder('graphiql'), 'graphiql.min.css'),
  };
}

/**
 * Names this set of files: the packages' versions and our boot script, hashed. It is in every asset's
 * URL, so that the files can be cached for a year and an upgrade still reaches every browser.
 */
export const GRAPHIQL_BUILD = createHash('sha256')
  .update(['react', 'react-dom', 'graphiql'].map((name) => `${name}@${require(`${name}/package.json`).version}`).join())
  .update(GRAPHIQL_BOOT)
  .digest('hex')
  .slice(0, 12);

/** apps/api, found from this module (src/http/ in development, dist/ when built). */
function apiRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** Where the build leaves GraphiQL's files precompressed, one folder per GRAPHIQL_BUILD. */
export const GRAPHIQL_PRECOMPRESSED = join(apiRoot(), 'dist', 'graphiql');

/**
 * Writes GraphiQL's files with their brotli and gzip forms into `folder`/GRAPHIQL_BUILD; the API's
 * build runs it (tsup.config.ts). Brotli's best quality takes seconds on GraphiQL's 3.5 MB script,
 * too slow for every start and far too slow for every request.
 */
export function precompressGraphiql(folder = GRAPHIQL_PRECOMPRESSED, options?: PrecompressOptions) {
  return precompress(graphiqlFiles(), join(folder, GRAPHIQL_BUILD), options);
}

/**
 * GraphiQL from our own node_modules: no CDN, so it works offline and under a strict CSP. React 18
 * is the last React with UMD builds, which GraphiQL 3's standalone bundle expects.
 *
 * The files are served precompressed from the build when it has them (`precompressed`); otherwise,
 * as when the API runs from its sources, from node_modules, compressed per request.
 */
export function graphiqlRouter(precompressed = GRAPHIQL_PRECOMPRESSED): Router {
  const router = express.Router();
  const base = `/graphiql/${GRAPHIQL_BUILD}`;
  router.get(`${base}/boot.js`, (_req, res) => {
    res.type('application/javascript').set('cache-control', IMMUTABLE).send(GRAPHIQL_BOOT);
  });
  const built = join(precompressed, GRAPHIQL_BUILD);
  if (existsSync(built)) {
    router.use(base, immutableAssets(built));
    return router;
  }
  const files = graphiqlFiles();
  router.get(`${base}/:asset`, (req, res, next) => {
    const file = files[req.params.asset];
    if (!file) return next();
    // pnpm keeps packages under node_modules/.pnpm, a dot-folder that send() refuses by default.
    res.sendFile(file, { maxAge: '365d', immutable: true, dotfiles: 'allow' });
  });
  return router;
}

/** The page's policy: our pages' own, and the fonts GraphiQL's stylesheet carries inline. */
export const graphiqlPolicy = pagePolicy({ fontSrc: ["'self'", 'data:'] });

export function graphiqlPage(endpoint: string): string {
  const config = JSON.stringify({ endpoint, query: EXAMPLE_QUERY }).replace(/</g, '\\u003c');
  const base = `/graphiql/${GRAPHIQL_BUILD}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SeminarHub GraphQL API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${base}/react.js"></script>
<script src="${base}/react-dom.js"></script>
<script src="${base}/graphiql.js"></script>
<script type="application/json" id="graphiql-config">${config}</script>
<script src="${base}/boot.js"></script>
</body>
</html>`;
}
