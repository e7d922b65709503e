// @vitest-environment happy-dom
import { type Client, createClient } from '@seminarhub/sdk';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LiveAdmin, startLiveAdmin } from '../../../test/live-api.ts';
import { sessionOf } from '../../../test/proposals.ts';
import { placeAtApiOrigin, renderSignedIn, settled } from '../../../test/render.tsx';
import { FeedbackForm } from './FeedbackForm.tsx';

// The feedback form against the real API, signed in as a participant of the example seminar: the API's
// refusals show where they belong, and nothing is saved.
let live: LiveAdmin;
let admin: Client;
let token: string;
let personId: string;
let seminarId: string;

beforeAll(async () => {
  live = await startLiveAdmin();
  placeAtApiOrigin(live);
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  seminarId = (await admin.seminars.list({ first: 1, search: 'Capacity Civil Servants Uzbekistan' })).nodes[0]!.id;
  personId = (await admin.people.list({ first: 1, search: 'Feruza Azimova' })).nodes[0]!.id;
  token = (await sessionOf(live, 'PARTICIPANT', personId)).token;
});
afterAll(() => live?.close());
afterEach(async () => {
  await settled();
  cleanup();
  sessionStorage.clear();
});

const mine = async () =>
  (await admin.enrollments.list({ first: 1, filter: { seminarId: { eq: seminarId }, personId: { eq: personId } } }))
    .nodes[0]!;

function renderForm(sessionId: string | undefined, onDone: () => void) {
  renderSignedIn(
    live,
    token,
    [{ path: '/', element: <FeedbackForm seminarId={seminarId} {...(sessionId && { sessionId })} onDone={onDone} /> }],
    '/',
  );
}

describe('the feedback form', () => {
  it("shows the API's refusal of a long comment on the Comment field, then saves a shorter one", async () => {
    let done = 0;
    renderForm(undefined, () => done++);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: '4' }));
    const comment = screen.getByRole('textbox', { name: /^Comment/ });
    await user.click(comment);
    await user.paste('x'.repeat(2001));
    await user.click(screen.getByRole('button', { name: 'Give feedback' }));
    await screen.findByText('Use at most 2000 characters.');
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(done).toBe(0);
    expect((await mine()).feedback.some((f) => f.session === null)).toBe(false);

    await user.clear(comment);
    await user.type(comment, 'Well run.');
    await user.click(screen.getByRole('button', { name: 'Give feedback' }));
    await waitFor(() => expect(done).toBe(1));
    expect((await mine()).feedback.find((f) => f.session === null)).toMatchObject({ rating: 4, comment: 'Well run.' });
  });

  it('says so above the form when the session was rated already, and saves nothing', async () => {
    const before = (await mine()).feedback.find((f) => f.session)!;
    renderForm(before.session!.id, () => undefined);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: '2' }));
    await user.click(screen.getByRole('button', { name: 'Give feedback' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You already gave feedback on this.');
    expect((await mine()).feedback.find((f) => f.id === before.id)).toMatchObject({ rating: before.rating });
  });
});
