// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LiveAdmin, startLiveAdmin } from '../../../test/live-api.ts';
import {
  type ProposalWorld,
  proposalUnderReview,
  proposalWorld,
  reviewerPerson,
  sessionOf,
} from '../../../test/proposals.ts';
import { placeAtApiOrigin, renderSignedIn, settled } from '../../../test/render.tsx';
import { ReviewPage } from './ReviewPage.tsx';

// The reviewer's scoring form against the real API, signed in as a reviewer assigned to a proposal under review.
let live: LiveAdmin;
let world: ProposalWorld;
let proposalId: string;
let reviewerToken: string;

beforeAll(async () => {
  live = await startLiveAdmin();
  placeAtApiOrigin(live);
  world = await proposalWorld(live);
  proposalId = (await proposalUnderReview(world, 'One-stop digital services', world.freeParticipantIds[0]!)).id;
  const personId = await reviewerPerson(world.admin, 'Scorer');
  reviewerToken = (await sessionOf(live, 'REVIEWER', personId)).token;
  const assigned = await world.admin.reviews.assign({ proposalId, reviewerId: personId });
  expect(assigned.ok).toBe(true);
});
afterAll(() => live?.close());
afterEach(async () => {
  await settled();
  cleanup();
  sessionStorage.clear();
});

function renderReview() {
  renderSignedIn(
    live,
    reviewerToken,
    [{ path: '/reviews/:proposalId', element: <ReviewPage /> }],
    `/reviews/${proposalId}`,
  );
}

const scoreInput = (name: string) => screen.getByRole('textbox', { name: new RegExp(`^${name} \\(`) });
const reviews = async () => (await world.admin.proposals.get(proposalId))!.reviews.nodes;

async function fillScores(user: ReturnType<typeof userEvent.setup>, first: number) {
  for (const [index, criterion] of world.criteria.entries()) {
    const input = scoreInput(criterion.name);
    await user.clear(input);
    await user.type(input, String(index === 0 ? first : criterion.minScore));
  }
}

describe('the review form', () => {
  it("shows the API's message on a score out of range, next to that score, and saves nothing", async () => {
    expect(world.criteria.length).toBeGreaterThan(0);
    renderReview();
    const user = userEvent.setup();
    await screen.findByRole('form', { name: 'Review' });
    const [first] = world.criteria;
    await fillScores(user, first!.maxScore + 10);
    await user.click(screen.getByRole('radio', { name: 'Select' }));
    await user.click(screen.getByRole('button', { name: 'Submit review' }));

    const message = `${first!.name} is scored from ${first!.minScore} to ${first!.maxScore}.`;
    await waitFor(() => expect(scoreInput(first!.name).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(message)).toBeTruthy();
    // The message belongs to that input, for screen readers too.
    const describedBy = scoreInput(first!.name).getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').some((id) => document.getElementById(id)?.textContent === message)).toBe(true);
    expect(await reviews()).toHaveLength(0);
  });

  it('submits a review within range, and then changes it with an update', async () => {
    renderReview();
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Review' });
    await fillScores(user, world.criteria[0]!.maxScore);
    await user.click(within(form).getByRole('radio', { name: 'Commend' }));
    await user.type(within(form).getByLabelText(/Comment to the authors/), 'Clear and feasible.');
    await user.click(within(form).getByRole('button', { name: 'Submit review' }));

    await waitFor(async () => expect(await reviews()).toHaveLength(1), { timeout: 10_000 });
    const [saved] = await reviews();
    expect(saved!.recommendation).toBe('COMMEND');
    expect(saved!.scores.find((s) => s.criterion.id === world.criteria[0]!.id)?.score).toBe(
      world.criteria[0]!.maxScore,
    );

    // Once submitted, the same form edits it.
    const save = await screen.findByRole('button', { name: 'Save changes' });
    await user.click(screen.getByRole('radio', { name: 'Select' }));
    await user.click(save);
    await waitFor(async () => expect((await reviews())[0]!.recommendation).toBe('SELECT'), { timeout: 10_000 });
    expect((await reviews())[0]!.version).toBeGreaterThan(saved!.version);
  });
});
