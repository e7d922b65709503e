import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { UserRole } from '@seminarhub/sdk';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { LiveAdmin } from './live-api.ts';

// Debian's Chromium, never a downloaded browser. CI installs it; see docs/TESTING.md.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..');
export const OUTPUT = join(ROOT, 'test-results');

/** Starts Chromium for a test file; the admin it opens was built by the run's global setup (build-admin.ts). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  await mkdir(join(OUTPUT, 'screenshots'), { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Where each role lands after sign-in: staff on the dashboard, the others in their own section. */
const LANDING: Record<UserRole, string> = {
  ADMIN: 'Dashboard',
  COORDINATOR: 'Dashboard',
  REVIEWER: 'Reviews',
  PARTICIPANT: 'My seminars',
};

/**
 * Signs in through the form, as a person would, with a new account of this role (linked to `personId`
 * when given), and waits for the role's landing page.
 */
export async function signIn(page: Page, live: LiveAdmin, role: UserRole = 'ADMIN', options?: { personId?: string }) {
  const account = await live.account(role, options);
  await signInWith(page, live, account, role);
  return account.email;
}

/** Signs in through the form with an existing account, and waits for its role's landing page. */
export async function signInWith(
  page: Page,
  live: LiveAdmin,
  { email, password }: { email: string; password: string },
  role: UserRole = 'ADMIN',
) {
  await page.goto(`${live.api.url}/admin/sign-in`);
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: LANDING[role], level: 1 }).waitFor();
  return email;
}

export async function screenshot(page: Page, name: string) {
  // Let drawers, modals and notifications finish their transitions, so the picture shows what stays. An
  // animation cancelled meanwhile (a notification closed) rejects `finished`: it is over all the same.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  const path = join(OUTPUT, 'screenshots', `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
}

/**
 * Collects what goes wrong on a page: uncaught errors, console errors (Content-Security-Policy violations
 * among them) and failed requests, except the statuses a test expects.
 */
export function watchProblems(page: Page, { expectedStatuses = [] as number[] } = {}): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Failed loads are counted by their status below.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expectedStatuses.includes(response.status())) {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  return problems;
}
