// @vitest-environment happy-dom
import { unwrap } from '@seminarhub/sdk';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LiveAdmin, startLiveAdmin } from '../../../test/live-api.ts';
import { type ProposalWorld, proposalWorld, sessionOf } from '../../../test/proposals.ts';
import { placeAtApiOrigin, renderSignedIn, settled } from '../../../test/render.tsx';
import { MyProposalPage } from './MyProposalPage.tsx';

// A participant editing their team's draft against the real API, while a teammate (here staff) saves first.
let live: LiveAdmin;
let world: ProposalWorld;
let participantToken: string;
let proposalId: string;

beforeAll(async () => {
  live = await startLiveAdmin();
  placeAtApiOrigin(live);
  world = await proposalWorld(live);
  const lead = world.freeParticipantIds[0]!;
  participantToken = (await sessionOf(live, 'PARTICIPANT', lead)).token;
  proposalId = unwrap(
    await world.admin.proposals.create({ seminarId: world.seminarId, title: 'E-permits', memberIds: [lead] }),
  ).proposal!.id;
});
afterAll(() => live?.close());
afterEach(async () => {
  await settled();
  cleanup();
  sessionStorage.clear();
});

function renderProposal() {
  renderSignedIn(
    live,
    participantToken,
    [
      { path: '/my-proposals/:proposalId', element: <MyProposalPage /> },
      { path: '/my-proposals', element: <p>My proposals list</p> },
    ],
    `/my-proposals/${proposalId}`,
  );
}

const saved = async () => (await world.admin.proposals.get(proposalId))!;

describe("editing a team's draft", () => {
  it('holds back Submit and asks before leaving while there are unsaved edits', async () => {
    renderProposal();
    const user = userEvent.setup();
    const submit = await screen.findByRole('button', { name: 'Submit for review' });
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    await user.type(await screen.findByRole('textbox', { name: /^Summary/ }), 'Permits online.');
    // Submitting would hand in the saved version without these edits.
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Save your changes first.')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: '← My proposals' }));
    await user.click(await screen.findByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByText('My proposals list')).toBeNull();
    expect((screen.getByRole('textbox', { name: /^Summary/ }) as HTMLTextAreaElement).value).toBe('Permits online.');
  });

  it('saves nothing over a teammate’s newer version, then saves the edits over it when asked', async () => {
    renderProposal();
    const user = userEvent.setup();
    const summary = await screen.findByRole('textbox', { name: /^Summary/ });
    await user.clear(summary);
    await user.type(summary, 'Every permit online, in one place.');
    // A teammate saves first.
    const before = await saved();
    unwrap(await world.admin.proposals.update({ id: proposalId, version: before.version, objectives: 'Theirs.' }));

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toMatch(/Someone else changed this proposal/);
    expect((await saved()).summary).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save mine over theirs' }));
    await waitFor(async () => expect((await saved()).summary).toBe('Every permit online, in one place.'), {
      timeout: 10_000,
    });
    // Only the edited field was sent: the teammate's objectives stay.
    expect(await saved()).toMatchObject({ version: before.version + 2, objectives: 'Theirs.', title: 'E-permits' });
  });
});
