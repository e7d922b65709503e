// @vitest-environment happy-dom
import {
  type Client,
  createClient,
  type SeminarFieldsFragment,
  type SessionFieldsFragment,
  unwrap,
} from '@seminarhub/sdk';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LiveAdmin, startLiveAdmin } from '../../../test/live-api.ts';
import { placeAtApiOrigin, renderSignedIn, settled } from '../../../test/render.tsx';
import { SessionEditor } from './SessionEditor.tsx';

// The session editor against the real API: what the API refuses shows on the field it names.
let live: LiveAdmin;
let token: string;
let admin: Client;
let seminar: SeminarFieldsFragment;
let morning: SessionFieldsFragment;
let afternoon: SessionFieldsFragment;

beforeAll(async () => {
  live = await startLiveAdmin();
  placeAtApiOrigin(live);
  token = (await live.api.as('ADMIN')).token;
  admin = createClient({ url: live.endpoint, token });
  // A cohort on the example seminar's days: the example itself is COMPLETED, and its agenda no longer changes.
  const example = (await admin.seminars.list({ first: 1 })).nodes[0]!;
  seminar = unwrap(
    await admin.seminars.create({
      programId: example.program.id,
      title: 'Digital transformation, parallel cohort',
      startDate: example.startDate,
      endDate: example.endDate,
      timezone: example.timezone,
      countryCode: example.countryCode,
    }),
  ).seminar!;
  const speaker = unwrap(await admin.people.create({ givenName: 'Minho', familyName: 'Baek' })).person!;
  const day = seminar.startDate;
  const lecture = (title: string, from: string, to: string) =>
    admin.sessions.create({
      seminarId: seminar.id,
      title,
      kind: 'LECTURE',
      startsAt: `${day}T${from}:00+09:00`,
      endsAt: `${day}T${to}:00+09:00`,
      speakers: [{ personId: speaker.id }],
    });
  morning = unwrap(await lecture('Cloud procurement', '07:00', '08:00')).session!;
  afternoon = unwrap(await lecture('Cloud security', '20:00', '21:00')).session!;
});
afterAll(() => live?.close());
afterEach(async () => {
  await settled();
  cleanup();
  sessionStorage.clear();
});

describe('the session editor', () => {
  it('shows a double-booked speaker on the speakers field, and changes nothing', async () => {
    let closed = false;
    renderSignedIn(
      live,
      token,
      [{ path: '/', element: <SessionEditor seminar={seminar} session={afternoon} onClose={() => (closed = true)} /> }],
      '/',
    );
    const user = userEvent.setup();
    fireEvent.change(screen.getByLabelText(/^Starts/), { target: { value: `${seminar.startDate}T07:30` } });
    fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: `${seminar.startDate}T08:30` } });
    await user.click(screen.getByRole('button', { name: 'Save session' }));

    const message = await screen.findByText(/Minho Baek speaks at "Cloud procurement"/);
    expect(message.closest('.mantine-InputWrapper-root')?.textContent).toMatch(/^Speakers/);
    expect(closed).toBe(false);
    const stored = await admin.nodes.get(afternoon.id);
    expect(stored).toMatchObject({ startsAtLocal: afternoon.startsAtLocal, version: afternoon.version });
  });

  it('checks what it can before asking the API: an end before the start', async () => {
    renderSignedIn(
      live,
      token,
      [{ path: '/', element: <SessionEditor seminar={seminar} session={morning} onClose={() => {}} /> }],
      '/',
    );
    const user = userEvent.setup();
    fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: `${seminar.startDate}T06:00` } });
    await user.click(screen.getByRole('button', { name: 'Save session' }));
    await screen.findByText('The session must end after it starts.');
    await waitFor(() => expect(screen.getByLabelText(/^Ends/).getAttribute('aria-invalid')).toBe('true'));
  });
});
