import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decoded, rawRequest } from '../../test/raw-http.ts';
import { adminRouter } from './admin.ts';
import { IMMUTABLE, precompress } from './static-assets.ts';

// The admin's routes over a small build in a temp folder, and over none at all.
let dist: string;
const CHUNK = Array.from({ length: 400 }, (_, i) => `export const label${i} = "Seminar ${i}";`).join('\n');
let servers: Server[] = [];

async function serve(folder: string): Promise<string> {
  const server = express().use(adminRouter(folder)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'admin-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>admin</title>');
  await writeFile(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  // A chunk as the build leaves it: the file, and its .br and .gz beside it.
  await writeFile(join(dist, 'chunk.js'), CHUNK);
  await precompress({ 'chunk-abcd.js': join(dist, 'chunk.js') }, join(dist, 'assets'), { brotliQuality: 5 });
});
afterAll(async () => {
  for (const server of servers) server.close();
  servers = [];
  await rm(dist, { recursive: true, force: true });
});

describe('/admin', () => {
  it('redirects /admin to /admin/, answers any app path with index.html, uncached, under the CSP', async () => {
    const base = await serve(dist);
    const redirect = await fetch(`${base}/admin`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/admin/');
    for (const path of ['/admin/', '/admin/sign-in', '/admin/seminars/123']) {
      const page = await fetch(`${base}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>admin</title>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const policy = page.headers.get('content-security-policy');
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
    }
  });

  it('serves hashed assets for a year, and 404s a missing one instead of the page', async () => {
    const base = await serve(dist);
    const asset = await fetch(`${base}/admin/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await fetch(`${base}/admin/assets/missing.js`)).status).toBe(404);
  });

  it('sends the brotli or gzip file the build wrote, as the browser accepts, and the plain one otherwise', async () => {
    const base = await serve(dist);
    const url = `${base}/admin/assets/chunk-abcd.js`;
    const cases = [
      { accept: 'gzip, deflate, br, zstd', encoding: 'br' },
      { accept: 'gzip;q=1, br;q=1', encoding: 'br' },
      { accept: 'gzip, deflate', encoding: 'gzip' },
      { accept: '', encoding: undefined },
    ];
    for (const { accept, encoding } of cases) {
      const response = await rawRequest(url, { headers: { 'accept-encoding': accept } });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i);
      expect(response.headers['cache-control']).toBe(IMMUTABLE);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(decoded(response).toString()).toBe(CHUNK);
      if (encoding) expect(response.body.length).toBeLessThan(CHUNK.length / 3);
    }
  });

  it('says how to build the admin when there is no build', async () => {
    const base = await serve(join(dist, 'nothing-here'));
    const page = await fetch(`${base}/admin/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('pnpm build');
  });
});
