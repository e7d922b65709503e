import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient, unwrap } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, OUTPUT, screenshot, signIn } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// The seminars list of the built admin in Chromium, over 25 seminars made through the SDK.
let live: LiveAdmin;
let browser: Browser;
let page: Page;

const rows = () => page.getByTestId('seminars-row');
const firstCells = () => rows().locator('td:nth-child(2)').allTextContents();

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  const admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  const [program] = (await admin.programs.list({ first: 1 })).nodes;
  for (let index = 1; index <= 25; index++) {
    const seminar = unwrap(
      await admin.seminars.create({
        programId: program!.id,
        title: `Cohort ${String(index).padStart(2, '0')}, e-government`,
        code: `CIAT-2026-${String(index).padStart(2, '0')}`,
        startDate: `2026-${String((index % 9) + 1).padStart(2, '0')}-01`,
        endDate: `2026-${String((index % 9) + 1).padStart(2, '0')}-12`,
        timezone: 'Asia/Seoul',
        countryCode: 'KR',
        city: index % 2 ? 'Seoul, Mapo' : 'Anyang',
      }),
    ).seminar!;
    if (index <= 3) unwrap(await admin.seminars.publish({ id: seminar.id, version: seminar.version }));
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await signIn(page, live);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('the seminars list', () => {
  it('pages through 26 seminars 20 at a time, forward and back', async () => {
    await page.getByRole('link', { name: 'Seminars' }).click();
    await expect.poll(() => rows().count()).toBe(20);
    await expect.poll(() => page.getByTestId('seminars-total').textContent()).toBe('26 in all');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => rows().count()).toBe(6);
    expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => rows().count()).toBe(20);
    await screenshot(page, 'seminars');
  });

  it('sorts by a column, both ways, and keeps the sort in the URL', async () => {
    await page.getByRole('button', { name: /^Title/ }).click();
    await expect
      .poll(async () => (await firstCells())[0])
      .toBe('Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('TITLE:ASC');
    await page.getByRole('button', { name: /^Title/ }).click();
    await expect.poll(async () => (await firstCells())[0]).toBe('Cohort 25, e-government');
    await page.reload();
    await expect.poll(async () => (await firstCells())[0]).toBe('Cohort 25, e-government');
  });

  it('filters by status chips and searches, and says so when nothing matches', async () => {
    await page.getByRole('group', { name: 'Status' }).getByText('Published').click();
    await expect.poll(() => page.getByTestId('seminars-total').textContent()).toBe('3 in all');
    await page.getByRole('textbox', { name: 'Search' }).fill('cohort 02');
    await expect.poll(() => firstCells()).toEqual(['Cohort 02, e-government']);
    await page.getByRole('textbox', { name: 'Search' }).fill('nothing like this');
    await page.getByText('Nothing matches this search and these filters.').waitFor();
    await page.getByRole('textbox', { name: 'Search' }).fill('');
    await page.getByRole('group', { name: 'Status' }).getByText('Published').click();
    await expect.poll(() => page.getByTestId('seminars-total').textContent()).toBe('26 in all');
  });

  it('keeps the chosen columns after a reload', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'City' }).uncheck();
    await page.getByRole('checkbox', { name: 'Attendance' }).check();
    await page.keyboard.press('Escape');
    await page.reload();
    // The list's screen loads after the page itself: wait for its first row before reading its headers.
    await rows().first().waitFor();
    const headers = await page.getByTestId('seminars-table').locator('th').allTextContents();
    expect(headers.map((header) => header.replace(/[▲▼]/g, '').trim())).toEqual([
      'Code',
      'Title',
      'Programme',
      'Status',
      'Starts',
      'Ends',
      'Places',
      'Attendance',
    ]);
  });

  it('exports the whole filtered view as CSV, every page of it, in the chosen columns', async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('e-government');
    await expect.poll(() => page.getByTestId('seminars-total').textContent()).toBe('25 in all');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const path = join(OUTPUT, download.suggestedFilename());
    await download.saveAs(path);
    const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Code,Title,Programme,Status,Starts,Ends,Places,Attendance');
    expect(lines).toHaveLength(26);
    expect(lines.filter((line) => line.includes('"Cohort'))).toHaveLength(25);
  });

  it('filters through the programme a seminar belongs to, with a chip per programme', async () => {
    const admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
    const [first] = (await admin.programs.list({ first: 1 })).nodes;
    const program = unwrap(
      await admin.programs.create({
        code: 'GOV-DATA',
        title: 'Government data programme',
        funderId: first!.funder!.id,
        implementerId: first!.implementer!.id,
      }),
    ).program!;
    unwrap(
      await admin.seminars.create({
        programId: program.id,
        title: 'Open data for ministries',
        startDate: '2026-05-04',
        endDate: '2026-05-08',
        timezone: 'Asia/Tashkent',
        countryCode: 'UZ',
      }),
    );
    await page.goto(`${live.api.url}/admin/seminars`);
    await page.getByRole('group', { name: 'Programme' }).getByText('GOV-DATA', { exact: true }).click();
    await expect.poll(() => firstCells()).toEqual(['Open data for ministries']);
    expect(new URL(page.url()).searchParams.get('program')).toBe(program.id);
    await page.getByRole('group', { name: 'Programme' }).getByText(first!.code, { exact: true }).click();
    await expect.poll(() => page.getByTestId('seminars-total').textContent()).toBe('27 in all');
  });
});
