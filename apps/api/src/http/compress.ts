import compressible from 'compressible';
import compression from 'compression';
import type { RequestHandler } from 'express';
import onHeaders from 'on-headers';
import vary from 'vary';

const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/;

/**
 * gzip or brotli as the client accepts, brotli at the package's quality 4: about gzip's speed for a
 * smaller answer. Precompressed assets carry their Content-Encoding and pass through as they are.
 *
 * compression wraps the writes of every response, also of a request that accepts no encoding (an
 * SDK in Node, a script), where all it does is add `Vary: Accept-Encoding` to a compressible answer.
 * For those, that alone is done here, by its own test: a compressible type, no `no-transform`.
 */
export function compressAnswers(threshold: number | string): RequestHandler {
  const compress = compression({ threshold });
  return (req, res, next) => {
    if (req.headers['accept-encoding'] !== undefined) return compress(req, res, next);
    onHeaders(res, () => {
      const type = res.getHeader('content-type');
      if (typeof type !== 'string' || !compressible(type)) return;
      const cacheControl = res.getHeader('cache-control');
      if (typeof cacheControl === 'string' && NO_TRANSFORM.test(cacheControl)) return;
      vary(res, 'Accept-Encoding');
    });
    next();
  };
}
