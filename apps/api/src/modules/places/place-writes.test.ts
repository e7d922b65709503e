import { randomUUID } from 'node:crypto';
import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let admin: Actor;
let host: string;

const PAYLOAD =
  'place { id name kind address city countryCode version hostOrganization { id } } userErrors { field code message }';
const CREATE = `mutation($input: PlaceCreateInput!) { placeCreate(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: PlaceUpdateInput!) { placeUpdate(input: $input) { ${PAYLOAD} } }`;
const DELETE =
  'mutation($input: PlaceDeleteInput!) { placeDelete(input: $input) { deletedId userErrors { field code message } } }';

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
  admin = await api.as('ADMIN');
  const organization = await api.db.prisma.organization.findFirstOrThrow({ orderBy: { name: 'asc' } });
  host = toGlobalId('Organization', organization.id);
});
afterAll(() => api?.close());

async function create(input: Record<string, unknown> = {}) {
  const { data } = await coordinator.graphql(CREATE, {
    input: { name: 'Seoul Global Center', countryCode: 'KR', ...input },
  });
  expect(data.placeCreate.userErrors).toEqual([]);
  return data.placeCreate.place as { id: string; version: number };
}

const counts = async () => ({
  places: await api.db.prisma.place.count(),
  audit: await api.db.prisma.auditEvent.count(),
});

describe('places', () => {
  it('are listed for anyone, by name, and read one by one', async () => {
    const { data } = await api.graphql('{ places(first: 100) { totalCount nodes { id name } } }');
    expect(data.places.totalCount).toBeGreaterThan(0);
    expect(data.places.nodes.map((node: { name: string }) => node.name)).toContain('Gyeongbokgung Palace');
    const [first] = data.places.nodes;
    const one = await api.graphql('query($id: ID!) { place(id: $id) { id name } }', { id: first.id });
    expect(one.data.place).toEqual(first);
  });

  it('are recorded and changed by staff, every change audited', async () => {
    const place = await create({
      name: ' Korea Local Information Research & Development Institute ',
      kind: 'VENUE',
      address: '21 Jeongui-ro 8-gil, Songpa-gu',
      city: 'Seoul',
      hostOrganizationId: host,
    });
    expect(place).toMatchObject({
      name: 'Korea Local Information Research & Development Institute',
      kind: 'VENUE',
      city: 'Seoul',
      version: 1,
      hostOrganization: { id: host },
    });
    const { data } = await coordinator.graphql(UPDATE, {
      input: { id: place.id, version: 1, kind: 'SITE', address: null, hostOrganizationId: null },
    });
    expect(data.placeUpdate.userErrors).toEqual([]);
    expect(data.placeUpdate.place).toMatchObject({ kind: 'SITE', address: null, hostOrganization: null, version: 2 });

    const audit = await admin.graphql(
      'query($id: ID!) { auditEvents(first: 10, filter: { entityId: $id }) { nodes { action entityType before after } } }',
      { id: place.id },
    );
    const [update, created] = audit.data.auditEvents.nodes;
    expect(update).toMatchObject({
      action: 'place.update',
      entityType: 'Place',
      before: { kind: 'VENUE', address: '21 Jeongui-ro 8-gil, Songpa-gu', version: 1 },
      after: { kind: 'SITE', address: null, hostOrganizationId: null, version: 2 },
    });
    expect(created).toMatchObject({ action: 'place.create', before: null });
  });

  it('checks every field, naming it, and writes nothing when any is wrong', async () => {
    const before = await counts();
    const { data } = await coordinator.graphql(CREATE, {
      input: {
        name: '',
        countryCode: 'kr',
        city: 'x'.repeat(201),
        address: 'x'.repeat(501),
        hostOrganizationId: toGlobalId('Organization', randomUUID()),
      },
    });
    expect(data.placeCreate.place).toBeNull();
    expect(data.placeCreate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual(
      ['address', 'city', 'countryCode', 'hostOrganizationId', 'name'].sort(),
    );
    const unknown = await coordinator.graphql(CREATE, { input: { name: 'Nowhere', countryCode: 'XX' } });
    expect(unknown.data.placeCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'countryCode'], code: 'INVALID' }),
    ]);
    expect(await counts()).toEqual(before);

    const place = await create();
    const cleared = await coordinator.graphql(UPDATE, {
      input: { id: place.id, version: 1, name: null, countryCode: null },
    });
    expect(cleared.data.placeUpdate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual([
      'countryCode',
      'name',
    ]);
    expect(await counts()).toEqual({ places: before.places + 1, audit: before.audit + 1 });
  });

  it('refuses a stale version with CONFLICT', async () => {
    const place = await create();
    await coordinator.graphql(UPDATE, { input: { id: place.id, version: 1, city: 'Seoul' } });
    const stale = await coordinator.graphql(UPDATE, { input: { id: place.id, version: 1, city: 'Busan' } });
    expect(stale.data.placeUpdate.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    const staleDelete = await coordinator.graphql(DELETE, { input: { id: place.id, version: 1 } });
    expect(staleDelete.data.placeDelete.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const stored = await api.graphql('query($id: ID!) { place(id: $id) { city version } }', { id: place.id });
    expect(stored.data.place).toEqual({ city: 'Seoul', version: 2 });
  });

  it('deletes a place no session uses, and refuses one where sessions are held', async () => {
    const place = await create();
    const deleted = await coordinator.graphql(DELETE, { input: { id: place.id, version: 1 } });
    expect(deleted.data.placeDelete).toEqual({ deletedId: place.id, userErrors: [] });
    expect((await api.graphql('query($id: ID!) { place(id: $id) { id } }', { id: place.id })).data.place).toBeNull();
    const [event] = (
      await admin.graphql(
        'query($id: ID!) { auditEvents(first: 1, filter: { entityId: $id }) { nodes { action after } } }',
        {
          id: place.id,
        },
      )
    ).data.auditEvents.nodes;
    expect(event).toEqual({ action: 'place.delete', after: null });

    const used = await api.db.prisma.place.findFirstOrThrow({ where: { sessions: { some: {} } } });
    const before = await counts();
    const refused = await coordinator.graphql(DELETE, {
      input: { id: toGlobalId('Place', used.id), version: used.version },
    });
    expect(refused.data.placeDelete.userErrors[0]).toMatchObject({
      code: 'IN_USE',
      field: ['input', 'id'],
      message: expect.stringMatching(/session/),
    });
    expect(await counts()).toEqual(before);
  });

  it('is not for participants or anonymous callers', async () => {
    const place = await create();
    const participant = await api.as('PARTICIPANT');
    for (const [query, input] of [
      [CREATE, { name: 'Mine', countryCode: 'KR' }],
      [UPDATE, { id: place.id, version: 1, name: 'Mine' }],
      [DELETE, { id: place.id, version: 1 }],
    ] as const) {
      expect((await participant.graphql(query, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await api.graphql(query, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const stored = await api.graphql('query($id: ID!) { place(id: $id) { name version } }', { id: place.id });
    expect(stored.data.place).toEqual({ name: 'Seoul Global Center', version: 1 });
  });
});
