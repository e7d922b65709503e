import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What a browser app pays for an entry of the SDK: bundled and minified as an app's bundler would, then gzipped. */
export interface BundleSize {
  entry: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** Modules the bundle still imports: the SDK's runtime dependencies, which should be none. */
  imports: string[];
}

const ENTRIES = { runtime: 'src/core/index.ts', full: 'src/index.ts' } as const;

export async function bundleSize(entry: keyof typeof ENTRIES): Promise<BundleSize> {
  const result = await build({
    entryPoints: [new URL(`../${ENTRIES[entry]}`, import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
  return { entry, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, imports };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const entry of Object.keys(ENTRIES) as (keyof typeof ENTRIES)[]) {
    const size = await bundleSize(entry);
    console.log(
      `${entry}: ${size.minifiedBytes} B minified, ${size.gzipBytes} B gzipped, imports: ${size.imports.length}`,
    );
  }
}
