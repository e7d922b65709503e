import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';

// Debian's Chromium, never a downloaded one. CI installs it; see docs/TESTING.md.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The SDK bundled for the browser as an app's bundler would: one ES module, browser APIs only. */
export async function browserBundle(): Promise<string> {
  const built = await build({
    entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return built.outputFiles[0]!.text;
}

/** A page that loads the bundle from `./sdk.js` and leaves it on `window.sdk`. */
export const SDK_PAGE = `<!doctype html><title>SDK</title>
<script type="module">import * as sdk from './sdk.js'; window.sdk = sdk;</script>`;
