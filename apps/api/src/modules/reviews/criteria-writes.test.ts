import { EXAMPLE_PROGRAM_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let admin: Actor;
/** Coordinates the fresh programme below, and nothing else. */
let coordinator: Actor;
let programId: string;

const PAYLOAD =
  'reviewCriterion { id name description weight minScore maxScore position version program { id } } userErrors { field code message }';
const CREATE = `mutation($input: ReviewCriterionCreateInput!) { reviewCriterionCreate(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: ReviewCriterionUpdateInput!) { reviewCriterionUpdate(input: $input) { ${PAYLOAD} } }`;
const DELETE =
  'mutation($input: ReviewCriterionDeleteInput!) { reviewCriterionDelete(input: $input) { deletedId userErrors { field code message } } }';

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
  const example = await api.db.prisma.program.findUniqueOrThrow({ where: { id: EXAMPLE_PROGRAM_ID } });
  const program = await api.db.prisma.program.create({
    data: {
      code: 'KOICA-SWM',
      title: 'Smart Water Management',
      funderId: example.funderId,
      implementerId: example.implementerId,
    },
  });
  programId = toGlobalId('Program', program.id);
  coordinator = await api.as('COORDINATOR', { programIds: [program.id] });
});
afterAll(() => api?.close());

async function create(input: Record<string, unknown>, actor: Actor = coordinator) {
  const { data } = await actor.graphql(CREATE, { input: { programId, ...input } });
  expect(data.reviewCriterionCreate.userErrors).toEqual([]);
  return data.reviewCriterionCreate.reviewCriterion as { id: string; version: number; position: number };
}

const counts = async () => ({
  criteria: await api.db.prisma.reviewCriterion.count(),
  audit: await api.db.prisma.auditEvent.count(),
});

const auditOf = async (id: string) =>
  (
    await admin.graphql(
      'query($id: ID!) { auditEvents(first: 10, filter: { entityId: $id }) { nodes { action entityType before after } } }',
      { id },
    )
  ).data.auditEvents.nodes;

/** A seeded criterion of the example programme that submitted reviews have scored. */
async function scoredCriterion(name: string) {
  const criterion = await api.db.prisma.reviewCriterion.findUniqueOrThrow({
    where: { programId_name: { programId: EXAMPLE_PROGRAM_ID, name } },
    include: { _count: { select: { scores: true } } },
  });
  expect(criterion._count.scores).toBeGreaterThan(0);
  return criterion;
}

describe('review criteria', () => {
  it('are added and changed by the programme’s coordinators, in order, every change audited', async () => {
    const relevance = await create({ name: ' Relevance ', description: 'Fit with national priorities.', weight: 0.4 });
    expect(relevance).toMatchObject({
      name: 'Relevance',
      weight: 0.4,
      minScore: 1,
      maxScore: 5,
      position: 0,
      version: 1,
      program: { id: programId },
    });
    const feasibility = await create({ name: 'Feasibility', minScore: 0, maxScore: 10 });
    expect(feasibility).toMatchObject({ position: 1, minScore: 0, maxScore: 10, weight: 1 });

    const { data } = await coordinator.graphql(UPDATE, {
      input: { id: relevance.id, version: 1, name: 'Policy relevance', weight: 0.6, maxScore: 7, description: null },
    });
    expect(data.reviewCriterionUpdate.userErrors).toEqual([]);
    expect(data.reviewCriterionUpdate.reviewCriterion).toMatchObject({
      name: 'Policy relevance',
      weight: 0.6,
      maxScore: 7,
      description: null,
      version: 2,
    });
    const listed = await api.graphql('query($id: ID!) { program(id: $id) { reviewCriteria { name } } }', {
      id: programId,
    });
    expect(listed.data.program.reviewCriteria).toEqual([{ name: 'Policy relevance' }, { name: 'Feasibility' }]);

    const [update, created] = await auditOf(relevance.id);
    expect(update).toMatchObject({
      action: 'reviewCriterion.update',
      entityType: 'ReviewCriterion',
      before: { name: 'Relevance', weight: 0.4, maxScore: 5, version: 1 },
      after: { name: 'Policy relevance', weight: 0.6, maxScore: 7, version: 2 },
    });
    expect(created).toMatchObject({ action: 'reviewCriterion.create', before: null });
  });

  it('checks every field, naming it, and writes nothing when any is wrong', async () => {
    await create({ name: 'Impact' });
    const before = await counts();
    const { data } = await coordinator.graphql(CREATE, {
      input: { programId, name: ' ', weight: 0, minScore: -1, maxScore: 101, position: 5000 },
    });
    expect(data.reviewCriterionCreate.reviewCriterion).toBeNull();
    expect(data.reviewCriterionCreate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual(
      ['maxScore', 'minScore', 'name', 'position', 'weight'].sort(),
    );
    const heavy = await coordinator.graphql(CREATE, { input: { programId, name: 'Heavy', weight: 100.5 } });
    expect(heavy.data.reviewCriterionCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'weight'], code: 'INVALID' }),
    ]);
    const flat = await coordinator.graphql(CREATE, { input: { programId, name: 'Flat', minScore: 3, maxScore: 3 } });
    expect(flat.data.reviewCriterionCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'maxScore'], code: 'INVALID' }),
    ]);
    const twice = await coordinator.graphql(CREATE, { input: { programId, name: 'Impact' } });
    expect(twice.data.reviewCriterionCreate.userErrors).toEqual([
      { field: ['input', 'name'], code: 'CONFLICT', message: 'The programme has another criterion with this name.' },
    ]);
    expect(await counts()).toEqual(before);

    const other = await create({ name: 'Sustainability' });
    const afterCreate = await counts();
    const renamed = await coordinator.graphql(UPDATE, { input: { id: other.id, version: 1, name: 'Impact' } });
    expect(renamed.data.reviewCriterionUpdate.userErrors[0]).toMatchObject({
      field: ['input', 'name'],
      code: 'CONFLICT',
    });
    const inverted = await coordinator.graphql(UPDATE, { input: { id: other.id, version: 1, minScore: 5 } });
    expect(inverted.data.reviewCriterionUpdate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'maxScore'], code: 'INVALID' }),
    ]);
    const cleared = await coordinator.graphql(UPDATE, { input: { id: other.id, version: 1, weight: null } });
    expect(cleared.data.reviewCriterionUpdate.userErrors[0]).toMatchObject({ field: ['input', 'weight'] });
    expect(await counts()).toEqual(afterCreate);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const criterion = await create({ name: 'Innovation' });
    const [first, second] = await Promise.all([
      coordinator.graphql(UPDATE, { input: { id: criterion.id, version: 1, weight: 2 } }),
      coordinator.graphql(UPDATE, { input: { id: criterion.id, version: 1, weight: 3 } }),
    ]);
    const results = [first, second].map((response) => response.data.reviewCriterionUpdate);
    const winner = results.find((result) => result.userErrors.length === 0);
    const loser = results.find((result) => result.userErrors.length > 0);
    expect(loser.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    const staleDelete = await coordinator.graphql(DELETE, { input: { id: criterion.id, version: 1 } });
    expect(staleDelete.data.reviewCriterionDelete.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const stored = await api.db.prisma.reviewCriterion.findFirstOrThrow({ where: { name: 'Innovation' } });
    expect({ weight: stored.weight, version: stored.version }).toEqual({
      weight: winner.reviewCriterion.weight,
      version: 2,
    });
  });

  it('keep their score range and stay once a review has scored them; a new weight re-weights the reviews', async () => {
    const relevance = await scoredCriterion('Relevance');
    const id = toGlobalId('ReviewCriterion', relevance.id);
    const review = await api.db.prisma.review.findFirstOrThrow({
      where: { scores: { some: { criterionId: relevance.id } } },
    });
    const weighted = async () =>
      (
        await admin.graphql('query($id: ID!) { node(id: $id) { ... on Review { weightedScore } } }', {
          id: toGlobalId('Review', review.id),
        })
      ).data.node.weightedScore;
    const scoreBefore = await weighted();
    const before = await counts();

    for (const range of [{ minScore: 0 }, { maxScore: 10 }]) {
      const { data } = await admin.graphql(UPDATE, { input: { id, version: relevance.version, ...range } });
      expect(data.reviewCriterionUpdate.userErrors).toEqual([
        {
          field: ['input', Object.keys(range)[0]],
          code: 'INVALID',
          message: expect.stringMatching(/review score\(s\) were given on the range 1 to 5/),
        },
      ]);
    }
    const deleted = await admin.graphql(DELETE, { input: { id, version: relevance.version } });
    expect(deleted.data.reviewCriterionDelete).toEqual({
      deletedId: null,
      userErrors: [
        {
          field: ['input', 'id'],
          code: 'IN_USE',
          message: expect.stringMatching(/review score\(s\) were given on the criterion/),
        },
      ],
    });
    expect(await counts()).toEqual(before);

    const { data } = await admin.graphql(UPDATE, {
      input: {
        id,
        version: relevance.version,
        name: 'Relevance to national priorities',
        weight: 10,
        minScore: 1,
        maxScore: 5,
      },
    });
    expect(data.reviewCriterionUpdate.userErrors).toEqual([]);
    expect(data.reviewCriterionUpdate.reviewCriterion).toMatchObject({ weight: 10, minScore: 1, maxScore: 5 });
    expect(await weighted()).not.toBe(scoreBefore);
  });

  it('are deleted while no review has scored them', async () => {
    const criterion = await create({ name: 'Scalability' });
    const { data } = await coordinator.graphql(DELETE, { input: { id: criterion.id, version: 1 } });
    expect(data.reviewCriterionDelete).toEqual({ deletedId: criterion.id, userErrors: [] });
    const [event] = await auditOf(criterion.id);
    expect(event).toMatchObject({
      action: 'reviewCriterion.delete',
      before: expect.objectContaining({ name: 'Scalability' }),
      after: null,
    });
  });

  it('are not for participants, nor for coordinators of other programmes', async () => {
    const criterion = await create({ name: 'Ownership' });
    const participant = await api.as('PARTICIPANT');
    const forbidden = await participant.graphql(CREATE, { input: { programId, name: 'Mine' } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const forbiddenUpdate = await participant.graphql(UPDATE, { input: { id: criterion.id, version: 1, weight: 9 } });
    expect(forbiddenUpdate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const before = await counts();
    const elsewhere = await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] });
    const created = await elsewhere.graphql(CREATE, { input: { programId, name: 'Mine' } });
    expect(created.data.reviewCriterionCreate.userErrors).toEqual([
      { field: ['input', 'programId'], code: 'NOT_FOUND', message: 'There is no such programme.' },
    ]);
    const missing = [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such review criterion.' }];
    const updated = await elsewhere.graphql(UPDATE, { input: { id: criterion.id, version: 1, weight: 9 } });
    expect(updated.data.reviewCriterionUpdate.userErrors).toEqual(missing);
    const deleted = await elsewhere.graphql(DELETE, { input: { id: criterion.id, version: 1 } });
    expect(deleted.data.reviewCriterionDelete.userErrors).toEqual(missing);
    expect(await counts()).toEqual(before);
  });
});
