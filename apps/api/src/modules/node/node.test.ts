import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
/** An administrator sees every type; what others see is tested in the authorization tests. */
let admin: Actor;
/** One global ID of every Node type, collected from the example seminar. */
const ids = new Map<string, string>();

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
  const { data, errors } = await admin.graphql(`{
    organizations(first: 1) { nodes { id } }
    people(first: 1) { nodes { id } }
    programs(first: 1) { nodes { id reviewCriteria { id } } }
    seminars(first: 1) { nodes {
      id
      sessions(first: 1) { nodes { id place { id } } }
      enrollments(first: 1) { nodes { id } }
    } }
    proposals(first: 1) { nodes { id reviews(first: 1) { nodes { id } } } }
    users(first: 1) { nodes { id } }
  }`);
  expect(errors).toBeUndefined();
  const seminar = data.seminars.nodes[0];
  const proposal = data.proposals.nodes[0];
  ids.set('Organization', data.organizations.nodes[0].id);
  ids.set('Person', data.people.nodes[0].id);
  ids.set('Program', data.programs.nodes[0].id);
  ids.set('ReviewCriterion', data.programs.nodes[0].reviewCriteria[0].id);
  ids.set('Seminar', seminar.id);
  ids.set('Session', seminar.sessions.nodes[0].id);
  ids.set('Place', seminar.sessions.nodes[0].place.id);
  ids.set('Enrollment', seminar.enrollments.nodes[0].id);
  ids.set('Proposal', proposal.id);
  // The seed follows no proposal up yet: a milestone and a report, straight into the database.
  const proposalId = fromGlobalIdOf('Proposal', proposal.id);
  const dueDate = new Date('2027-01-15');
  const milestone = await api.db.prisma.milestone.create({ data: { proposalId, title: 'Pilot', dueDate } });
  const report = await api.db.prisma.progressReport.create({ data: { proposalId, monthsAfter: 3, dueDate } });
  ids.set('Milestone', toGlobalId('Milestone', milestone.id));
  ids.set('ProgressReport', toGlobalId('ProgressReport', report.id));
  ids.set('Review', proposal.reviews.nodes[0].id);
  ids.set('User', data.users.nodes[0].id);
  const created = await admin.graphql(
    'mutation { apiKeyCreate(input: { name: "node test", scope: READ }) { apiKey { id } userErrors { message } } }',
  );
  ids.set('ApiKey', created.data.apiKeyCreate.apiKey.id);
});
afterAll(() => api?.close());

const NODE = 'query Node($id: ID!) { node(id: $id) { __typename id } }';

describe('node(id:)', () => {
  it('round-trips an ID of every Node type', async () => {
    const { data } = await admin.graphql('{ __type(name: "Node") { possibleTypes { name } } }');
    const types = data.__type.possibleTypes.map((type: { name: string }) => type.name).sort();
    expect([...ids.keys()].sort()).toEqual(types);
    for (const [typeName, id] of ids) {
      const result = await admin.graphql(NODE, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data.node).toEqual({ __typename: typeName, id });
    }
  });

  it('gives opaque IDs that reveal no database key', () => {
    for (const id of ids.values()) expect(id).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('answers the typed lookups with the same object', async () => {
    const { data } = await admin.graphql(
      `query($s: ID!, $p: ID!, $o: ID!, $pr: ID!, $pe: ID!) {
        seminar(id: $s) { id title } proposal(id: $p) { id title } organization(id: $o) { id name }
        program(id: $pr) { id code } person(id: $pe) { id fullName }
      }`,
      {
        s: ids.get('Seminar'),
        p: ids.get('Proposal'),
        o: ids.get('Organization'),
        pr: ids.get('Program'),
        pe: ids.get('Person'),
      },
    );
    expect(data.seminar.id).toBe(ids.get('Seminar'));
    expect(data.proposal.id).toBe(ids.get('Proposal'));
    expect(data.organization.id).toBe(ids.get('Organization'));
    expect(data.program.code).toBe('KOICA-CIAT');
    expect(data.person.id).toBe(ids.get('Person'));
  });

  it('returns null for a well-formed ID of nothing', async () => {
    const missing = Buffer.from('Seminar:00000000-0000-7000-8000-000000000000').toString('base64url');
    const unknownType = Buffer.from('Spaceship:00000000-0000-7000-8000-000000000000').toString('base64url');
    for (const id of [missing, unknownType]) {
      const { data, errors } = await admin.graphql(NODE, { id });
      expect(errors).toBeUndefined();
      expect(data.node).toBeNull();
    }
  });

  it('rejects a malformed ID with BAD_USER_INPUT', async () => {
    for (const id of ['not an id', '', 'U2VtaW5hcjpub3QtYS11dWlk', '{"$ne":null}']) {
      const { data, errors } = await admin.graphql(NODE, { id });
      expect(data.node).toBeNull();
      expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
      expect(errors?.[0]?.message).toMatch(/not a valid ID/);
    }
  });

  it('rejects the ID of another type in a typed lookup', async () => {
    const { errors } = await admin.graphql('query($id: ID!) { seminar(id: $id) { id } }', {
      id: ids.get('Organization'),
    });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/not the ID of a Seminar/);
  });
});

describe('nodes(ids:)', () => {
  it('returns objects in the order asked, null where nothing exists', async () => {
    const missing = Buffer.from('Person:00000000-0000-7000-8000-000000000000').toString('base64url');
    const asked = [ids.get('Proposal'), missing, ids.get('Seminar'), ids.get('Proposal')];
    const { data, errors } = await admin.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids: asked,
    });
    expect(errors).toBeUndefined();
    expect(data.nodes).toEqual([
      { __typename: 'Proposal', id: ids.get('Proposal') },
      null,
      { __typename: 'Seminar', id: ids.get('Seminar') },
      { __typename: 'Proposal', id: ids.get('Proposal') },
    ]);
  });

  it('names the malformed ID among many', async () => {
    const { errors } = await admin.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [ids.get('Seminar'), 'garbage'],
    });
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'ids[1]' });
  });

  it('refuses more than 100 IDs', async () => {
    const { errors } = await admin.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 101 }, () => ids.get('Seminar')),
    });
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'ids' });
  });
});
