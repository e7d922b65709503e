import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** For files whose name changes with their content: a browser keeps them a year and never asks again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Below this size, compressing saves less than it costs: headers dominate, and a small answer fits
 * in one packet anyway. The `compression` package's own default.
 */
export const COMPRESSION_THRESHOLD = '1kb';

/**
 * Serves a folder of hashed files with a year's immutable caching, choosing the `.br` or `.gz` file
 * beside the one asked for when the client accepts it (brotli first), with its Content-Encoding and
 * `Vary: Accept-Encoding`. A missing file is a 404, never another page.
 *
 * express-static-gzip lists the precompressed files when it is created: a file built later is still
 * served, compressed on the fly by the `compression` middleware instead.
 */
export function immutableAssets(folder: string): RequestHandler {
  return expressStaticGzip(folder, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { immutable: true, maxAge: '365d', fallthrough: false, index: false, dotfiles: 'allow' },
  });
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface PrecompressOptions {
  /** Brotli quality, 0 to 11. Default 11: slow (seconds for GraphiQL's script), done once. */
  brotliQuality?: number;
  /** gzip level, 1 to 9. Default 9. */
  gzipLevel?: number;
}

/**
 * Copies each file into `folder` under its new name, with a `.br` and a `.gz` beside it, compressed
 * as hard as the formats allow: this runs once at build, not per request. Returns the sizes written.
 */
export async function precompress(
  files: Record<string, string>,
  folder: string,
  {
    brotliQuality = zlib.constants.BROTLI_MAX_QUALITY,
    gzipLevel = zlib.constants.Z_BEST_COMPRESSION,
  }: PrecompressOptions = {},
): Promise<{ file: string; raw: number; gzip: number; brotli: number }[]> {
  await mkdir(folder, { recursive: true });
  return Promise.all(
    Object.entries(files).map(async ([name, source]) => {
      const content = await readFile(source);
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzip(content, { level: gzipLevel }),
      ]);
      const target = join(folder, basename(name));
      await Promise.all([writeFile(target, content), writeFile(`${target}.br`, br), writeFile(`${target}.gz`, gz)]);
      return { file: name, raw: content.length, gzip: gz.length, brotli: br.length };
    }),
  );
}
