import { type Client, createClient } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// Programmes (list, editor, review criteria) and a seminar's Feedback tab, in the built admin in Chromium.
let live: LiveAdmin;
let browser: Browser;
let page: Page;
let admin: Client;
let problems: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = watchProblems(page);
  await signIn(page, live);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

/** Picks an organization in a searchable select of the editor by typing the start of its name. */
async function pickOrganization(label: string, name: string) {
  const input = page.locator('input').and(page.getByLabel(new RegExp(`^${label}`)));
  await input.click();
  await input.fill(name.split(' ')[0]!);
  await page.locator('[role="option"]', { hasText: name }).first().click();
}

describe('programmes', () => {
  it('creates a programme in the editor and lists it, as the API has it', async () => {
    const koica = (await admin.organizations.list({ first: 1, search: 'Korea International Cooperation' })).nodes[0]!;
    const ministry = (await admin.organizations.list({ first: 1, search: 'Ministry Digital Technologies' })).nodes[0]!;
    await page.getByRole('link', { name: 'Programmes' }).click();
    const before = (await admin.programs.list({ first: 0 })).totalCount;
    await expect.poll(() => page.getByTestId('programs-total').textContent()).toBe(`${before} in all`);

    await page.getByRole('link', { name: 'New programme' }).click();
    await page.getByRole('textbox', { name: /^Code/ }).fill('KOICA-AI-2026');
    await page.getByRole('textbox', { name: /^Title/ }).fill('Artificial intelligence in public services');
    await page.getByRole('textbox', { name: /^Sector/ }).fill('Digital government');
    await page
      .getByRole('textbox', { name: /^Description/ })
      .fill('Two cohorts a year for the ministry and its agencies.');
    // Funded by the ministry itself, run by KOICA: the funder chips below then tell the two programmes apart.
    await pickOrganization('Funder', ministry.name);
    await pickOrganization('Implementer', koica.name);
    await page.getByRole('button', { name: 'Create programme' }).click();

    // Created: the editor now edits it, at its own address.
    await page.getByRole('button', { name: 'Save programme' }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/admin\/programs\/[^/]+$/);
    const created = (await admin.programs.list({ first: 1, filter: { code: { eq: 'KOICA-AI-2026' } } })).nodes[0]!;
    expect(created).toMatchObject({
      title: 'Artificial intelligence in public services',
      sector: 'Digital government',
      description: 'Two cohorts a year for the ministry and its agencies.',
      funder: { id: ministry.id },
      implementer: { id: koica.id },
    });
    expect(new URL(page.url()).pathname).toBe(`/admin/programs/${created.id}`);

    // Its first review criterion, added in the editor.
    await page.getByRole('button', { name: 'Add criterion' }).click();
    const criterion = page.getByRole('form', { name: 'New review criterion' });
    await criterion.getByRole('textbox', { name: /^Name/ }).fill('Feasibility');
    await criterion.getByRole('textbox', { name: /^Weight/ }).fill('2');
    await criterion.getByRole('button', { name: 'Add criterion' }).click();
    await page.getByTestId('criterion-row').filter({ hasText: 'Feasibility' }).waitFor();
    const criteria = (await admin.programs.get(created.id))!.reviewCriteria;
    expect(criteria.map(({ name, weight, minScore, maxScore }) => ({ name, weight, minScore, maxScore }))).toEqual([
      { name: 'Feasibility', weight: 2, minScore: 1, maxScore: 5 },
    ]);
    await screenshot(page, 'program-editor');

    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/programs');
    await expect.poll(() => page.getByTestId('programs-total').textContent()).toBe(`${before + 1} in all`);
    const row = page.getByTestId('programs-row').filter({ hasText: 'KOICA-AI-2026' });
    expect(await row.textContent()).toContain('Artificial intelligence in public services');
    expect(await row.textContent()).toContain(ministry.name);
    await screenshot(page, 'programs');
  });

  it('filters by funder with a chip', async () => {
    const funders = await admin.programs.list({ first: 100 });
    const koica = funders.nodes.find((p) => p.funder.name.startsWith('Korea International'))!.funder;
    const funded = funders.nodes.filter((p) => p.funder.id === koica.id);
    await page.getByRole('group', { name: 'Funder' }).getByText(koica.name, { exact: true }).click();
    expect(funded.length).toBeLessThan(funders.totalCount);
    await expect.poll(() => page.getByTestId('programs-row').count()).toBe(funded.length);
    expect(await page.getByTestId('programs-row').locator('td:first-child').allTextContents()).toEqual(
      funded.map((p) => p.code),
    );
    expect(new URL(page.url()).searchParams.get('funder')).toBe(koica.id);
    await page.getByRole('group', { name: 'Funder' }).getByText(koica.name, { exact: true }).click();
  });

  it("shows the API's refusal to change the range of a criterion reviews have scored", async () => {
    const program = (await admin.programs.list({ first: 1, filter: { code: { eq: 'KOICA-CIAT' } } })).nodes[0]!;
    const [scored] = (await admin.programs.get(program.id))!.reviewCriteria;
    await page.getByRole('link', { name: program.title }).click();
    await page.getByRole('button', { name: `Edit ${scored!.name}` }).click();
    const form = page.getByRole('form', { name: 'Review criterion' });
    await form.getByRole('textbox', { name: /^Highest score/ }).fill('10');
    await form.getByRole('button', { name: 'Save criterion' }).click();
    await expect
      .poll(() => form.textContent())
      .toMatch(/review score\(s\) were given on the range 1 to 5; changing the range would misread them/);
    expect((await admin.programs.get(program.id))!.reviewCriteria[0]!.maxScore).toBe(scored!.maxScore);
    // The weight may change, and does.
    await form.getByRole('textbox', { name: /^Highest score/ }).fill(String(scored!.maxScore));
    await form.getByRole('textbox', { name: /^Weight/ }).fill('1.5');
    await form.getByRole('button', { name: 'Save criterion' }).click();
    await expect.poll(async () => (await admin.programs.get(program.id))!.reviewCriteria[0]!.weight).toBe(1.5);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });
});

describe("a seminar's feedback", () => {
  it("shows each session's ratings as the API computes them, the distribution and the named comments", async () => {
    const seminar = (await admin.seminars.list({ first: 1, search: 'Uzbekistan Digital Transformation' })).nodes[0]!;
    const sessions = (await admin.sessions.list({ first: 100, filter: { seminarId: { eq: seminar.id } } })).nodes;
    const rated = sessions.filter((session) => session.feedbackCount > 0);
    expect(rated.length).toBeGreaterThan(0);

    await page.goto(`${live.api.url}/admin/seminars/${seminar.id}`);
    await page.getByRole('tab', { name: 'Feedback' }).click();
    await page.getByTestId('feedback-tab').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/seminars/${seminar.id}/feedback`);

    const cards = page.getByTestId('feedback-card');
    // The seminar as a whole, then each rated session.
    await expect.poll(() => cards.count()).toBe(1 + rated.length);
    for (const session of rated) {
      const card = cards.filter({ has: page.getByText(session.title, { exact: true }) });
      expect(await card.getByTestId('feedback-average').textContent()).toBe(`${session.averageRating!.toFixed(1)} / 5`);
      expect(await card.getByTestId('feedback-count').textContent()).toBe(
        `${session.feedbackCount} ${session.feedbackCount === 1 ? 'rating' : 'ratings'}`,
      );
      const counts = await card.getByTestId('rating-distribution-count').allTextContents();
      expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(session.feedbackCount);
    }

    // The seminar as a whole: two ratings (5 with a name, 4 anonymous), 4.5 on average.
    const whole = cards.first();
    expect(await whole.getByTestId('feedback-title').textContent()).toBe('The seminar as a whole');
    expect(await whole.getByTestId('feedback-average').textContent()).toBe(`${seminar.averageRating!.toFixed(1)} / 5`);
    expect(await whole.getByTestId('feedback-count').textContent()).toBe(`${seminar.feedbackCount} ratings`);
    expect(seminar).toMatchObject({ averageRating: 4.5, feedbackCount: 2 });
    expect(await whole.locator('[data-rating="5"]').getByTestId('rating-distribution-count').textContent()).toBe('1');
    expect(await whole.getByTestId('feedback-anonymous').textContent()).toMatch(/^1 anonymous rating counts/);
    const comments = await whole.getByTestId('feedback-comment').allTextContents();
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('Well organised; directly relevant to our AI strategy work.');
    expect(comments[0]).toContain('Kamola');
    // The anonymous comment is never shown to staff, with or without a name.
    expect(await page.getByTestId('feedback-tab').textContent()).not.toContain('hands-on work on the proposals');

    // A session's numbers match what the SDK computes from the enrollments' feedback.
    const [first] = rated;
    const listed = (await admin.enrollments.list({ first: 100, filter: { seminarId: { eq: seminar.id } } })).nodes
      .flatMap((enrollment) => enrollment.feedback)
      .filter((feedback) => feedback.session?.id === first!.id);
    const card = cards.filter({ has: page.getByText(first!.title, { exact: true }) });
    for (const value of [1, 2, 3, 4, 5]) {
      expect(
        Number(await card.locator(`[data-rating="${value}"]`).getByTestId('rating-distribution-count').textContent()),
      ).toBe(listed.filter((feedback) => feedback.rating === value).length);
    }
    await screenshot(page, 'feedback');
  });

  it('loaded every screen without a console error or a failed request', () => {
    expect(problems).toEqual([]);
  });
});
