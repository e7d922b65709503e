// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { type Client, createClient, unwrap } from '@seminarhub/sdk';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LiveAdmin, startLiveAdmin } from '../../../test/live-api.ts';
import { placeAtApiOrigin } from '../../../test/render.tsx';
import { SessionProvider } from '../../lib/session.tsx';
import { AttendancePage } from './AttendancePage.tsx';

// The check-in sheet of the example seminar against the real API: marks made from the keyboard only.
let live: LiveAdmin;
let admin: Client;
let seminarId: string;
let sessionId: string;
let adminToken: string;

beforeAll(async () => {
  live = await startLiveAdmin();
  placeAtApiOrigin(live);
  adminToken = (await live.api.as('ADMIN')).token;
  admin = createClient({ url: live.endpoint, token: adminToken });
  seminarId = (await admin.seminars.list({ first: 1 })).nodes[0]!.id;
  const sessions = await admin.sessions.list({
    first: 1,
    filter: { seminarId: { eq: seminarId } },
    orderBy: { field: 'STARTS_AT' },
  });
  sessionId = sessions.nodes[0]!.id;
});
afterAll(() => live?.close());
afterEach(() => {
  cleanup();
  notifications.clean();
});

function renderSheet(session = sessionId, token = adminToken) {
  sessionStorage.setItem('seminarhub.session', token);
  const router = createMemoryRouter(
    [
      {
        path: '/seminars/:seminarId',
        element: <Outlet />,
        children: [{ path: 'attendance/:sessionId', element: <AttendancePage /> }],
      },
    ],
    { initialEntries: [`/seminars/${seminarId}/attendance/${session}`] },
  );
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <Notifications />
      <SessionProvider url={live.endpoint}>
        <QueryClientProvider client={queries}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </SessionProvider>
    </MantineProvider>,
  );
}

/** What the API holds for the session: each participant's name and attendance status. */
async function recorded(session = sessionId) {
  const { nodes } = await admin.enrollments.list({ first: 100, filter: { seminarId: { eq: seminarId } } });
  return Object.fromEntries(
    nodes.map((e) => [e.person.fullName, e.attendance.find((a) => a.session?.id === session)?.status ?? null]),
  );
}

const grid = () => screen.findByRole('grid', undefined, { timeout: 10_000 });
const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(name) });
const chosen = (name: string) =>
  within(rowOf(name))
    .getAllByRole('gridcell')
    .filter((cell) => cell.getAttribute('aria-selected') === 'true')
    .map((cell) => cell.getAttribute('aria-label'));
const summary = () => screen.getByTestId('attendance-summary').textContent;

/** Tabs from the top of the page to the grid, as a keyboard user does. */
async function tabToGrid(user: ReturnType<typeof userEvent.setup>) {
  for (let step = 0; step < 10 && document.activeElement?.getAttribute('role') !== 'gridcell'; step++) {
    await user.tab();
  }
  expect(document.activeElement?.getAttribute('role')).toBe('gridcell');
}

describe('the check-in sheet', () => {
  it('marks participants with single keys, moving down a row each time, and saves them in one call', async () => {
    renderSheet();
    const user = userEvent.setup();
    await grid();
    const before = await recorded();
    const names = within(await grid())
      .getAllByRole('rowheader')
      .map((cell) => cell.firstChild?.textContent ?? '');
    expect(names).toHaveLength(12);
    expect(summary()).toContain('Not yet marked 0');

    await tabToGrid(user);
    // First row late, second absent, skip one with the arrow key, fourth excused.
    await user.keyboard('l');
    await user.keyboard('a');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('e');
    expect(chosen(names[0]!)).toEqual(['Late']);
    expect(chosen(names[1]!)).toEqual(['Absent']);
    // The example seminar's participants were all present at its first session, but for one who came late.
    expect(before[names[2]!]).toBe('PRESENT');
    expect(chosen(names[2]!)).toEqual(['Present']);
    expect(chosen(names[3]!)).toEqual(['Excused']);
    // Focus went on to the fifth row, in the column it started in.
    expect(document.activeElement?.closest('tr')).toBe(rowOf(names[4]!));

    // Right arrow, then Space, marks the focused status; Delete takes a change back.
    await user.keyboard('{ArrowRight}{ArrowRight} ');
    expect(chosen(names[4]!)).toEqual(['Absent']);
    await user.keyboard('{Delete}');
    expect(chosen(names[4]!)).toEqual(['Present']);

    expect(await recorded()).toEqual(before);
    await user.click(screen.getByRole('button', { name: 'Save 3 changes' }));
    await screen.findByText('Attendance saved for 3 participants.');
    const after = await recorded();
    expect(after[names[0]!]).toBe('LATE');
    expect(after[names[1]!]).toBe('ABSENT');
    expect(after[names[3]!]).toBe('EXCUSED');
    expect(after[names[2]!]).toBe(before[names[2]!]);
    expect(after[names[4]!]).toBe(before[names[4]!]);
    // Saved: the sheet now shows what the API holds, with nothing left to save.
    expect(await screen.findByRole('button', { name: 'Save attendance' })).toBeTruthy();
  });

  it('marks every participant not yet marked present with one button, and counts as it goes', async () => {
    // The example seminar is COMPLETED, so its agenda takes no new session through the API: the
    // fixture records one as held, with nobody marked yet.
    await live.api.db.prisma.session.create({
      data: {
        seminarId: EXAMPLE_SEMINAR_ID,
        title: 'Follow-up lecture on open data',
        kind: 'LECTURE',
        startsAt: new Date('2025-10-24T01:00:00Z'),
        endsAt: new Date('2025-10-24T02:00:00Z'),
      },
    });
    const lecture = (await admin.sessions.list({ first: 100, filter: { seminarId: { eq: seminarId } } })).nodes.find(
      (session) => session.title === 'Follow-up lecture on open data',
    )!;
    renderSheet(lecture.id);
    const user = userEvent.setup();
    await grid();
    expect(summary()).toContain('Not yet marked 12');
    await tabToGrid(user);
    await user.keyboard('a');
    expect(summary()).toContain('Absent 1');
    expect(summary()).toContain('Not yet marked 11');
    await user.click(screen.getByRole('button', { name: 'Mark all remaining present' }));
    expect(summary()).toContain('Present 11');
    expect(summary()).toContain('Not yet marked 0');
    await user.click(screen.getByRole('button', { name: 'Save 12 changes' }));
    await screen.findByText('Attendance saved for 12 participants.');
    const after = Object.values(await recorded(lecture.id));
    expect(after.filter((status) => status === 'PRESENT')).toHaveLength(11);
    expect(after.filter((status) => status === 'ABSENT')).toHaveLength(1);
  });

  it("shows the API's refusal when someone marked a participant meanwhile, and saves none of the marks", async () => {
    renderSheet();
    const user = userEvent.setup();
    const names = within(await grid())
      .getAllByRole('rowheader')
      .map((cell) => cell.firstChild?.textContent ?? '');
    await tabToGrid(user);
    await user.keyboard('{Control>}{End}{/Control}e');
    await user.keyboard('{Control>}{Home}{/Control}p');
    const last = names.at(-1)!;
    // Someone else marks the last participant after this sheet read the session.
    const [enrollment] = (
      await admin.enrollments.list({ first: 100, filter: { seminarId: { eq: seminarId } } })
    ).nodes.filter((e) => e.person.fullName === last);
    unwrap(await admin.attendance.mark({ sessionId, entries: [{ enrollmentId: enrollment!.id, status: 'LATE' }] }));
    const before = await recorded();

    await user.click(screen.getByRole('button', { name: /^Save \d changes?$/ }));
    const refusal = await screen.findByText(/Someone marked this participant since you read it/);
    expect(refusal.textContent).toContain(`${last}: Someone marked this participant since you read it`);
    expect(refusal.closest('[role="alert"]')?.textContent).toContain('Nothing was saved');
    expect(await recorded()).toEqual(before);
    // The marks stay, to be saved again over theirs.
    expect(chosen(last)).toEqual(['Excused']);
  });

  it('shows a participant their own attendance, with nothing to mark or save', async () => {
    const person = await live.api.db.prisma.person.findFirstOrThrow({ where: { familyName: 'Karimov' } });
    const { token } = await live.api.as('PARTICIPANT', { personId: person.id });
    renderSheet(sessionId, token);
    const user = userEvent.setup();
    const names = within(await grid())
      .getAllByRole('rowheader')
      .map((cell) => cell.firstChild?.textContent);
    expect(names).toEqual(['Dilshod Karimov']);
    expect((await grid()).getAttribute('aria-readonly')).toBe('true');
    const before = chosen('Dilshod Karimov');
    expect(before).toHaveLength(1);
    expect(before).not.toEqual(['Late']);
    await tabToGrid(user);
    await user.keyboard('l{ArrowRight} ');
    expect(chosen('Dilshod Karimov')).toEqual(before);
    expect(screen.queryByRole('button', { name: /^Save/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark all remaining present' })).toBeNull();
  });
});
