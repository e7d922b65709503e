import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';

let api: TestApi;
let coordinator: Actor;
let admin: Actor;
beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR');
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

const FIELDS =
  'organization { id name acronym type countryCode website version parent { name } } userErrors { field code message }';
const CREATE = `mutation($input: OrganizationCreateInput!) { organizationCreate(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { ${FIELDS} } }`;
const DELETE =
  'mutation($input: OrganizationDeleteInput!) { organizationDelete(input: $input) { deletedId userErrors { field code message } } }';

describe('organizations', () => {
  it('are recorded by coordinators, with every change in the audit trail', async () => {
    const parent = await coordinator.graphql(CREATE, {
      input: { name: '  Ministry of Preschool and School Education ', type: 'MINISTRY', countryCode: 'UZ' },
    });
    expect(parent.data.organizationCreate.userErrors).toEqual([]);
    const created = await coordinator.graphql(CREATE, {
      input: {
        name: 'Republican Education Centre',
        acronym: 'REC',
        type: 'AGENCY',
        countryCode: 'UZ',
        parentId: parent.data.organizationCreate.organization.id,
        website: 'https://example.uz',
      },
    });
    const organization = created.data.organizationCreate.organization;
    expect(organization).toMatchObject({
      name: 'Republican Education Centre',
      version: 1,
      parent: { name: 'Ministry of Preschool and School Education' },
    });

    const updated = await coordinator.graphql(UPDATE, {
      input: { id: organization.id, version: 1, acronym: 'RTM', website: null },
    });
    expect(updated.data.organizationUpdate.organization).toMatchObject({ acronym: 'RTM', website: null, version: 2 });

    const { data } = await admin.graphql(
      'query($id: ID!) { auditEvents(first: 10, filter: { entityId: $id }) { nodes { action entityType entityId before after actor { id } } } }',
      { id: organization.id },
    );
    const [update, create] = data.auditEvents.nodes;
    expect(update).toMatchObject({
      action: 'organization.update',
      entityType: 'Organization',
      entityId: organization.id,
      before: { acronym: 'REC', website: 'https://example.uz', version: 1 },
      after: { acronym: 'RTM', website: null, version: 2 },
    });
    expect(create).toMatchObject({
      action: 'organization.create',
      before: null,
      after: expect.objectContaining({ name: 'Republican Education Centre' }),
    });
    expect(update.actor.id).toBe(create.actor.id);
  });

  it('refuses a stale version with CONFLICT and keeps the other writer’s change', async () => {
    const { data } = await coordinator.graphql(CREATE, {
      input: { name: 'Digital Academy', type: 'ACADEMIA', countryCode: 'KR' },
    });
    const { id } = data.organizationCreate.organization;
    const [first, second] = await Promise.all([
      coordinator.graphql(UPDATE, { input: { id, version: 1, name: 'Digital Academy A' } }),
      coordinator.graphql(UPDATE, { input: { id, version: 1, name: 'Digital Academy B' } }),
    ]);
    const results = [first, second].map((response) => response.data.organizationUpdate);
    const winners = results.filter((result) => result.userErrors.length === 0);
    const losers = results.filter((result) => result.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers[0].userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    const stored = await admin.graphql('query($id: ID!) { organization(id: $id) { name version } }', { id });
    expect(stored.data.organization).toEqual({ name: winners[0].organization.name, version: 2 });
  });

  it('checks every field and writes nothing when any is wrong', async () => {
    const before = await api.db.prisma.organization.count();
    const audit = await api.db.prisma.auditEvent.count();
    const { data } = await coordinator.graphql(CREATE, {
      input: { name: ' ', type: 'NGO', countryCode: 'uz', website: 'javascript:alert(1)', acronym: 'X'.repeat(31) },
    });
    expect(data.organizationCreate.organization).toBeNull();
    expect(data.organizationCreate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual(
      ['acronym', 'countryCode', 'name', 'website'].sort(),
    );
    const unknownCountry = await coordinator.graphql(CREATE, {
      input: { name: 'Nowhere Office', type: 'NGO', countryCode: 'XX' },
    });
    expect(unknownCountry.data.organizationCreate.userErrors[0].field).toEqual(['input', 'countryCode']);
    expect(await api.db.prisma.organization.count()).toBe(before);
    expect(await api.db.prisma.auditEvent.count()).toBe(audit);
  });

  it('refuses a parent that would make a cycle', async () => {
    const top = (await coordinator.graphql(CREATE, { input: { name: 'Top', type: 'MINISTRY', countryCode: 'UZ' } }))
      .data.organizationCreate.organization;
    const child = (
      await coordinator.graphql(CREATE, {
        input: { name: 'Child', type: 'AGENCY', countryCode: 'UZ', parentId: top.id },
      })
    ).data.organizationCreate.organization;
    const cycle = await coordinator.graphql(UPDATE, { input: { id: top.id, version: 1, parentId: child.id } });
    expect(cycle.data.organizationUpdate.userErrors[0]).toMatchObject({
      field: ['input', 'parentId'],
      code: 'INVALID',
    });
  });

  it('deletes an organization nothing refers to, and refuses one in use', async () => {
    const lonely = (
      await coordinator.graphql(CREATE, { input: { name: 'Short-lived', type: 'PRIVATE', countryCode: 'KR' } })
    ).data.organizationCreate.organization;
    const deleted = await coordinator.graphql(DELETE, { input: { id: lonely.id, version: 1 } });
    expect(deleted.data.organizationDelete).toEqual({ deletedId: lonely.id, userErrors: [] });
    expect((await admin.graphql('query($id: ID!) { node(id: $id) { id } }', { id: lonely.id })).data.node).toBeNull();

    const koica = (
      await admin.graphql('{ organizations(first: 50) { nodes { id name version } } }')
    ).data.organizations.nodes.find((node: { name: string }) => node.name === 'Korea International Cooperation Agency');
    const refused = await coordinator.graphql(DELETE, { input: { id: koica.id, version: koica.version } });
    expect(refused.data.organizationDelete.userErrors[0]).toMatchObject({
      code: 'IN_USE',
      message: expect.stringMatching(/fundedPrograms/),
    });
    expect(
      (await admin.graphql('query($id: ID!) { node(id: $id) { id } }', { id: koica.id })).data.node,
    ).not.toBeNull();
  });

  it('is not for participants', async () => {
    const participant = await api.as('PARTICIPANT');
    const response = await participant.graphql(CREATE, { input: { name: 'Mine', type: 'NGO', countryCode: 'UZ' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
