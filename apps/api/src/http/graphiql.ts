import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

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

/**
 * GraphiQL from our own node_modules: no CDN, so it works offline and under a strict CSP. React 18
 * is the last React with UMD builds, which GraphiQL 3's standalone bundle expects.
 */
export function graphiqlRouter(): Router {
  const router = express.Router();
  // The UMD and min files are not in the packages' `exports`: locate them from package.json.
  const folder = (name: string) => dirname(require.resolve(`${name}/package.json`));
  const assets: Record<string, string> = {
    'react.js': join(folder('react'), 'umd/react.production.min.js'),
    'react-dom.js': join(folder('react-dom'), 'umd/react-dom.production.min.js'),
    'graphiql.js': join(folder('graphiql'), 'graphiql.min.js'),
    'graphiql.css': join(folder('graphiql'), 'graphiql.min.css'),
  };
  router.get('/graphiql/boot.js', (_req, res) => {
    res.type('application/javascript').send(GRAPHIQL_BOOT);
  });
  router.get('/graphiql/:asset', (req, res, next) => {
    const file = assets[req.params.asset];
    if (!file) return next();
    // pnpm keeps packages under node_modules/.pnpm, a dot-folder that send() refuses by default.
    res.sendFile(file, { maxAge: '1d', immutable: true, dotfiles: 'allow' });
  });
  return router;
}

export function graphiqlPage(endpoint: string): string {
  const config = JSON.stringify({ endpoint, query: EXAMPLE_QUERY }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SeminarHub GraphQL API</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script type="application/json" id="graphiql-config">${config}</script>
<script src="/graphiql/boot.js"></script>
</body>
</html>`;
}

/** Served as a file so that the page needs no inline script (CSP `script-src 'self'`). */
export const GRAPHIQL_BOOT = `(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint, headers: { 'apollo-require-preflight': 'true' } });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: config.query, defaultEditorToolsVisibility: true }));
})();
`;
