import { describe, expect, it } from 'vitest';
import { bundleSize } from '../scripts/bundle-size.ts';

// Budgets for what the SDK adds to a browser bundle; raise them deliberately, in review, not by drift.
describe('bundle size', () => {
  it('the runtime (request, retries, errors, paginate) stays under 4 kB gzipped, with no dependency', async () => {
    const runtime = await bundleSize('runtime');
    expect(runtime.imports).toEqual([]);
    expect(runtime.gzipBytes).toBeLessThan(4_000);
  });

  it('the whole client with all 94 operations stays under 12 kB gzipped, with no dependency', async () => {
    const full = await bundleSize('full');
    expect(full.imports).toEqual([]);
    expect(full.gzipBytes).toBeLessThan(12_000);
  });
});
