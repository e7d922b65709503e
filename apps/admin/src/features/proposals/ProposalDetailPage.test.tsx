// @vitest-environment happy-dom
import { unwrap } from '@seminarhub/sdk';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LiveAdmin, startLiveAdmin } from '../../../test/live-api.ts';
import { type ProposalWorld, proposalWorld, reviewerPerson, sessionOf } from '../../../test/proposals.ts';
import { placeAtApiOrigin, renderSignedIn, settled } from '../../../test/render.tsx';
import { ProposalDetailPage } from './ProposalDetailPage.tsx';

// A proposal's page against the real API: what it offers depends on the proposal's status and the viewer's role.
let live: LiveAdmin;
let world: ProposalWorld;
let proposalId: string;
let coordinatorToken: string;
let reviewerToken: string;

beforeAll(async () => {
  live = await startLiveAdmin();
  placeAtApiOrigin(live);
  world = await proposalWorld(live);
  const { admin } = world;
  const draft = unwrap(
    await admin.proposals.create({
      seminarId: world.seminarId,
      title: 'Digital archive of permits',
      memberIds: [world.freeParticipantIds[1]!],
    }),
  ).proposal!;
  proposalId = unwrap(await admin.proposals.submit({ id: draft.id, version: draft.version })).proposal!.id;

  const coordinator = await sessionOf(live, 'COORDINATOR');
  unwrap(
    await admin.users.coordinatorAssignmentsSet({
      userId: coordinator.userId,
      seminarIds: [world.seminarId],
      programIds: [],
    }),
  );
  coordinatorToken = coordinator.token;
  const reviewerId = await reviewerPerson(admin, 'Watcher');
  reviewerToken = (await sessionOf(live, 'REVIEWER', reviewerId)).token;
  unwrap(await admin.reviews.assign({ proposalId, reviewerId }));
});
afterAll(() => live?.close());
afterEach(async () => {
  await settled();
  cleanup();
  sessionStorage.clear();
});

function renderAs(token: string) {
  renderSignedIn(
    live,
    token,
    [{ path: '/seminars/:seminarId/proposals/:proposalId', element: <ProposalDetailPage /> }],
    `/seminars/${world.seminarId}/proposals/${proposalId}`,
  );
}

const decisions = () =>
  within(screen.getByRole('group', { name: 'Decisions' }))
    .getAllByRole('button')
    .map((button) => button.textContent);
const status = async () => (await world.admin.proposals.get(proposalId))!;

describe("a proposal's page", () => {
  it('offers an assigned reviewer of a submitted proposal no decision and no reviewer assignment', async () => {
    renderAs(reviewerToken);
    await screen.findByRole('heading', { name: 'Digital archive of permits' });
    expect(screen.queryByRole('group', { name: 'Decisions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Assign' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Unassign/ })).toBeNull();
    // The reviewer sees themself among the assigned, and no one else.
    expect(within(screen.getByRole('list', { name: 'Assigned reviewers' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it("offers the seminar's coordinator the decisions of each status, and records a decline with its note", async () => {
    renderAs(coordinatorToken);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Digital archive of permits' });
    expect(decisions()).toEqual(['Start review']);

    await user.click(screen.getByRole('button', { name: 'Start review' }));
    await waitFor(() => expect(decisions()).toEqual(['Select for support', 'Commend', 'Request revision', 'Decline']));
    expect((await status()).status).toBe('UNDER_REVIEW');

    await user.click(screen.getByRole('button', { name: 'Decline' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Why/ }), 'Duplicates a national project.');
    await user.click(within(dialog).getByRole('button', { name: 'Decline' }));

    await waitFor(() => expect(screen.getByTestId('proposal-status').textContent).toBe('Declined'));
    expect(screen.queryByRole('group', { name: 'Decisions' })).toBeNull();
    const declined = await status();
    expect(declined.status).toBe('DECLINED');
    expect(declined.decisions.at(-1)).toMatchObject({ kind: 'DECLINED', note: 'Duplicates a national project.' });
  });
});
