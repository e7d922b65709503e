import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let author: Actor;
let other: Actor;
let coordinator: Actor;
let sessions: string[];

const FEEDBACK = 'feedback { id version rating comment anonymous } userErrors { field code message }';
const GIVE = `mutation($input: FeedbackGiveInput!) { feedbackGive(input: $input) { ${FEEDBACK} } }`;
const UPDATE = `mutation($input: FeedbackUpdateInput!) { feedbackUpdate(input: $input) { ${FEEDBACK} } }`;
const DELETE =
  'mutation($input: FeedbackDeleteInput!) { feedbackDelete(input: $input) { deletedId userErrors { field code message } } }';

interface FeedbackRef {
  id: string;
  version: number;
}

let given = 0;
/** Feedback by `author` on the next session of the example seminar. */
async function give(anonymous = false, comment = 'Clear and useful.'): Promise<FeedbackRef> {
  const sessionId = sessions[given++];
  const { data } = await author.graphql(GIVE, {
    input: { seminarId: toGlobalId('Seminar', EXAMPLE_SEMINAR_ID), sessionId, rating: 4, comment, anonymous },
  });
  expect(data.feedbackGive.userErrors).toEqual([]);
  return data.feedbackGive.feedback;
}
const update = async (actor: Actor, feedback: FeedbackRef, fields: Record<string, unknown>) =>
  (await actor.graphql(UPDATE, { input: { id: feedback.id, version: feedback.version, ...fields } })).data
    .feedbackUpdate;
const remove = async (actor: Actor, feedback: FeedbackRef) =>
  (await actor.graphql(DELETE, { input: { id: feedback.id, version: feedback.version } })).data.feedbackDelete;
const eventsOf = (feedback: FeedbackRef) =>
  api.db.prisma.auditEvent.findMany({
    where: { entityType: 'Feedback', entityId: fromGlobalIdOf('Feedback', feedback.id) },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
/** Feedback rows and audit events: what a refusal must leave as it was. */
const written = async () =>
  JSON.stringify([
    await api.db.prisma.feedback.findMany({ orderBy: { id: 'asc' } }),
    await api.db.prisma.auditEvent.count(),
  ]);

beforeAll(async () => {
  api = await startTestApi();
  const [first, second] = await api.db.prisma.enrollment.findMany({
    where: { seminarId: EXAMPLE_SEMINAR_ID, status: { in: ['CONFIRMED', 'COMPLETED'] } },
    orderBy: { id: 'asc' },
    take: 2,
  });
  if (!first || !second) throw new Error('the seed enrolls participants');
  author = await api.as('PARTICIPANT', { personId: first.personId });
  other = await api.as('PARTICIPANT', { personId: second.personId });
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
  // Sessions the author has not rated yet in the seed.
  const rated = await api.db.prisma.feedback.findMany({
    where: { enrollmentId: first.id },
    select: { sessionId: true },
  });
  sessions = (
    await api.db.prisma.session.findMany({ where: { seminarId: EXAMPLE_SEMINAR_ID }, orderBy: { startsAt: 'asc' } })
  )
    .filter((session) => !rated.some((row) => row.sessionId === session.id))
    .map((session) => toGlobalId('Session', session.id));
  if (sessions.length < 8) throw new Error('the seed has enough sessions');
});
afterAll(() => api?.close());

describe('feedback edits', () => {
  it('let the author change a rating and comment, and delete it, audited', async () => {
    const feedback = await give();
    const changed = await update(author, feedback, { rating: 2, comment: ' Too long. ' });
    expect(changed).toEqual({
      feedback: { id: feedback.id, version: 2, rating: 2, comment: 'Too long.', anonymous: false },
      userErrors: [],
    });
    const kept = await update(author, changed.feedback, { comment: null });
    expect(kept.feedback).toMatchObject({ rating: 2, comment: null, version: 3 });

    const mine = await author.graphql(
      'query($id: ID!) { seminar(id: $id) { enrollments(first: 50) { nodes { feedback { id rating } } } } }',
      { id: toGlobalId('Seminar', EXAMPLE_SEMINAR_ID) },
    );
    expect(JSON.stringify(mine.data)).toContain(feedback.id);

    expect(await remove(author, kept.feedback)).toEqual({ deletedId: feedback.id, userErrors: [] });
    const events = await eventsOf(feedback);
    expect(events.map((event) => [event.action, event.actorUserId])).toEqual([
      ['feedback.give', author.userId],
      ['feedback.update', author.userId],
      ['feedback.update', author.userId],
      ['feedback.delete', author.userId],
    ]);
    expect(events[1]).toMatchObject({
      before: { rating: 4, comment: 'Clear and useful.', version: 1 },
      after: { rating: 2, comment: 'Too long.', version: 2 },
    });
  });

  it('keep anonymous feedback anonymous in the audit trail', async () => {
    const feedback = await give(true, 'Honest words.');
    const changed = (await update(author, feedback, { rating: 1, comment: 'Even more honest.' })).feedback;
    expect(changed).toMatchObject({ rating: 1, anonymous: true, version: 2 });
    expect((await remove(author, changed)).userErrors).toEqual([]);
    const events = await eventsOf(feedback);
    expect(
      events.map(({ action, actorUserId, actorApiKey, requestId, before, after }) => ({
        action,
        actorUserId,
        actorApiKey,
        requestId,
        before,
        after,
      })),
    ).toEqual([
      {
        action: 'feedback.give',
        actorUserId: null,
        actorApiKey: null,
        requestId: null,
        before: null,
        after: { rating: 4, anonymous: true },
      },
      {
        action: 'feedback.update',
        actorUserId: null,
        actorApiKey: null,
        requestId: null,
        before: { rating: 4 },
        after: { rating: 1 },
      },
      {
        action: 'feedback.delete',
        actorUserId: null,
        actorApiKey: null,
        requestId: null,
        before: { rating: 1, anonymous: true },
        after: null,
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('honest');

    // Staff removing anonymous feedback are on record, without what or whose it was.
    const another = await give(true, 'Off topic.');
    expect((await remove(coordinator, another)).userErrors).toEqual([]);
    const [, deleted] = await eventsOf(another);
    expect(deleted).toMatchObject({
      action: 'feedback.delete',
      actorUserId: coordinator.userId,
      before: { rating: 4, anonymous: true },
    });
    expect(JSON.stringify(deleted)).not.toContain('Off topic');
  });

  it('check the rating and comment, writing nothing', async () => {
    const feedback = await give();
    const before = await written();
    for (const rating of [0, 6, null]) {
      expect((await update(author, feedback, { rating })).userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'rating'], code: 'INVALID' }),
      ]);
    }
    expect((await update(author, feedback, { comment: 'x'.repeat(2001) })).userErrors).toEqual([
      { field: ['input', 'comment'], code: 'INVALID', message: 'Use at most 2000 characters.' },
    ]);
    expect(await written()).toBe(before);
  });

  it('refuse a stale version with CONFLICT', async () => {
    const feedback = await give();
    await update(author, feedback, { rating: 3 });
    const before = await written();
    for (const answer of [await update(author, feedback, { rating: 5 }), await remove(author, feedback)]) {
      expect(answer.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    }
    expect(await written()).toBe(before);
  });

  it('are the author’s: staff may delete, but nobody else changes or deletes', async () => {
    const feedback = await give();
    const elsewhere = await api.as('COORDINATOR', { seminarIds: [] });
    const admin = await api.as('ADMIN');
    const before = await written();
    const missing = { field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such feedback.' };
    for (const actor of [other, coordinator, elsewhere, admin]) {
      expect((await update(actor, feedback, { rating: 1 })).userErrors).toEqual([missing]);
    }
    for (const actor of [other, elsewhere]) expect((await remove(actor, feedback)).userErrors).toEqual([missing]);
    expect((await api.graphql(DELETE, { input: { id: feedback.id, version: 1 } })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await written()).toBe(before);
    expect((await remove(admin, feedback)).userErrors).toEqual([]);
  });
});
