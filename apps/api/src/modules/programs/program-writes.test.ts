import { randomUUID } from 'node:crypto';
import { EXAMPLE_PROGRAM_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';

const dbId = (globalId: string) => fromGlobalIdOf('Program', globalId);

let api: TestApi;
let admin: Actor;
let funder: string;
let implementer: string;

const PAYLOAD =
  'program { id code title description sector version funder { id } implementer { id } } userErrors { field code message }';
const CREATE = `mutation($input: ProgramCreateInput!) { programCreate(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: ProgramUpdateInput!) { programUpdate(input: $input) { ${PAYLOAD} } }`;
const DELETE =
  'mutation($input: ProgramDeleteInput!) { programDelete(input: $input) { deletedId userErrors { field code message } } }';

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
  const example = await api.db.prisma.program.findUniqueOrThrow({ where: { id: EXAMPLE_PROGRAM_ID } });
  funder = toGlobalId('Organization', example.funderId);
  implementer = toGlobalId('Organization', example.implementerId);
});
afterAll(() => api?.close());

let codes = 0;
async function create(input: Record<string, unknown> = {}) {
  const { data } = await admin.graphql(CREATE, {
    input: {
      code: `GOV-${++codes}`,
      title: 'Smart Water Management',
      funderId: funder,
      implementerId: implementer,
      ...input,
    },
  });
  expect(data.programCreate.userErrors).toEqual([]);
  return data.programCreate.program as { id: string; code: string; version: number };
}

const auditOf = async (id: string) =>
  (
    await admin.graphql(
      'query($id: ID!) { auditEvents(first: 10, filter: { entityId: $id }) { nodes { action entityType before after } } }',
      { id },
    )
  ).data.auditEvents.nodes;

const counts = async () => ({
  programs: await api.db.prisma.program.count(),
  audit: await api.db.prisma.auditEvent.count(),
});

describe('programmes', () => {
  it('are set up by administrators and changed by the programme’s coordinators, every change audited', async () => {
    const program = await create({
      code: ' KOICA-SWM ',
      title: ' Smart Water Management ',
      description: 'Water utilities',
      sector: 'Water',
    });
    expect(program).toMatchObject({
      code: 'KOICA-SWM',
      title: 'Smart Water Management',
      sector: 'Water',
      version: 1,
      funder: { id: funder },
      implementer: { id: implementer },
    });

    const coordinator = await api.as('COORDINATOR', { programIds: [dbId(program.id)] });
    const { data } = await coordinator.graphql(UPDATE, {
      input: { id: program.id, version: 1, title: 'Smart Water Management II', sector: null },
    });
    expect(data.programUpdate.userErrors).toEqual([]);
    expect(data.programUpdate.program).toMatchObject({ title: 'Smart Water Management II', sector: null, version: 2 });

    const [update, created] = await auditOf(program.id);
    expect(update).toMatchObject({
      action: 'program.update',
      entityType: 'Program',
      before: { title: 'Smart Water Management', sector: 'Water', version: 1 },
      after: { title: 'Smart Water Management II', sector: null, version: 2 },
    });
    expect(created).toMatchObject({
      action: 'program.create',
      before: null,
      after: expect.objectContaining({ code: 'KOICA-SWM' }),
    });
  });

  it('checks every field, naming it, and writes nothing when any is wrong', async () => {
    const before = await counts();
    const { data } = await admin.graphql(CREATE, {
      input: {
        code: 'no spaces allowed',
        title: ' ',
        sector: 'x'.repeat(201),
        funderId: toGlobalId('Organization', randomUUID()),
        implementerId: implementer,
      },
    });
    expect(data.programCreate.program).toBeNull();
    expect(data.programCreate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual(
      ['code', 'funderId', 'sector', 'title'].sort(),
    );
    expect(data.programCreate.userErrors.find((error: { field: string[] }) => error.field[1] === 'funderId').code).toBe(
      'NOT_FOUND',
    );

    const taken = await admin.graphql(CREATE, {
      input: { code: 'KOICA-CIAT', title: 'Copy', funderId: funder, implementerId: implementer },
    });
    expect(taken.data.programCreate.userErrors).toEqual([
      { field: ['input', 'code'], code: 'CONFLICT', message: 'Another programme has this code.' },
    ]);

    const program = await create();
    const afterCreate = await counts();
    const cleared = await admin.graphql(UPDATE, {
      input: { id: program.id, version: 1, title: null, implementerId: null, code: 'KOICA-CIAT' },
    });
    expect(cleared.data.programUpdate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual(
      ['implementerId', 'title'].sort(),
    );
    const renamed = await admin.graphql(UPDATE, { input: { id: program.id, version: 1, code: 'KOICA-CIAT' } });
    expect(renamed.data.programUpdate.userErrors[0]).toMatchObject({ field: ['input', 'code'], code: 'CONFLICT' });
    expect(await counts()).toEqual(afterCreate);
    expect(afterCreate).toEqual({ programs: before.programs + 1, audit: before.audit + 1 });
  });

  it('refuses a stale version with CONFLICT and keeps the other writer’s change', async () => {
    const program = await create();
    const [first, second] = await Promise.all([
      admin.graphql(UPDATE, { input: { id: program.id, version: 1, title: 'A' } }),
      admin.graphql(UPDATE, { input: { id: program.id, version: 1, title: 'B' } }),
    ]);
    const results = [first, second].map((response) => response.data.programUpdate);
    const winner = results.find((result) => result.userErrors.length === 0);
    const loser = results.find((result) => result.userErrors.length > 0);
    expect(loser.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    const stored = await api.graphql('query($id: ID!) { program(id: $id) { title version } }', { id: program.id });
    expect(stored.data.program).toEqual({ title: winner.program.title, version: 2 });
  });

  it('deletes a programme without seminars, with its criteria, and refuses one with seminars', async () => {
    const program = await create();
    await api.db.prisma.reviewCriterion.create({ data: { programId: dbId(program.id), name: 'Relevance' } });
    const deleted = await admin.graphql(DELETE, { input: { id: program.id, version: 1 } });
    expect(deleted.data.programDelete).toEqual({ deletedId: program.id, userErrors: [] });
    expect(
      (await api.graphql('query($id: ID!) { program(id: $id) { id } }', { id: program.id })).data.program,
    ).toBeNull();
    expect(await api.db.prisma.reviewCriterion.count({ where: { programId: dbId(program.id) } })).toBe(0);
    const [event] = await auditOf(program.id);
    expect(event).toMatchObject({
      action: 'program.delete',
      after: null,
      before: expect.objectContaining({ reviewCriteria: [expect.objectContaining({ name: 'Relevance' })] }),
    });

    const example = toGlobalId('Program', EXAMPLE_PROGRAM_ID);
    const before = await counts();
    const refused = await admin.graphql(DELETE, { input: { id: example, version: 1 } });
    expect(refused.data.programDelete.userErrors[0]).toMatchObject({
      code: 'IN_USE',
      field: ['input', 'id'],
      message: expect.stringMatching(/seminar/),
    });
    expect(await counts()).toEqual(before);
  });

  it('is not for participants, nor for coordinators beyond updating their own programme', async () => {
    const program = await create();
    const participant = await api.as('PARTICIPANT');
    const asParticipant = await participant.graphql(UPDATE, { input: { id: program.id, version: 1, title: 'Mine' } });
    expect(asParticipant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const otherCoordinator = await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] });
    const elsewhere = await otherCoordinator.graphql(UPDATE, { input: { id: program.id, version: 1, title: 'Mine' } });
    expect(elsewhere.data.programUpdate).toEqual({
      program: null,
      userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such programme.' }],
    });
    const creating = await otherCoordinator.graphql(CREATE, {
      input: { code: 'OWN', title: 'Own', funderId: funder, implementerId: implementer },
    });
    expect(creating.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleting = await otherCoordinator.graphql(DELETE, { input: { id: program.id, version: 1 } });
    expect(deleting.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stored = await api.graphql('query($id: ID!) { program(id: $id) { title version } }', { id: program.id });
    expect(stored.data.program).toEqual({ title: 'Smart Water Management', version: 1 });
  });
});
