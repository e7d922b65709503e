import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlakyProxy, startFlakyProxy } from '../../test/flaky-proxy.ts';
import { graphql } from '../../test/generated/index.ts';
import { type LiveApi, startLiveApi } from '../../test/live-api.ts';
import { type Client, createClient, OrganizationsListDocument, unwrap } from '../index.ts';

// Paging through 130 organizations of the live API, at the root and nested under their parent.
const COUNT = 130;
let live: LiveApi;
let proxy: FlakyProxy;
let client: Client;
let parentId: string;

// A third party's own document, typed by codegen's `graphql()` from the published schema.
const ChildrenDocument = graphql(`
  query ChildOrganizations($id: ID!, $first: Int, $after: String) {
    organization(id: $id) {
      name
      children(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id name }
      }
    }
  }
`);

// The README's example of a third party's own document.
const SeminarAgenda = graphql(`
  query SeminarAgenda($id: ID!, $first: Int, $after: String) {
    seminar(id: $id) {
      title
      sessions(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { title kind startsAtLocal speakers { person { fullName } } }
      }
    }
  }
`);

beforeAll(async () => {
  live = await startLiveApi();
  proxy = await startFlakyProxy(live.api.url);
  const admin = await live.api.as('ADMIN');
  client = createClient({ url: proxy.url, token: admin.token });
  const parent = unwrap(await client.organizations.create({ name: 'Paged parent', type: 'NGO', countryCode: 'UZ' }));
  parentId = parent.organization!.id;
  for (let start = 0; start < COUNT; start += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, COUNT - start) }, (_, offset) =>
        client.organizations
          .create({
            name: `Paged ${String(start + offset).padStart(3, '0')}`,
            type: 'NGO',
            countryCode: 'UZ',
            parentId,
          })
          .then(unwrap),
      ),
    );
  }
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await live?.close();
});

describe('paginate', () => {
  it('walks a root connection of more than 100 items, in pages of the size asked', async () => {
    const before = proxy.seen.length;
    const names: string[] = [];
    const filter = { name: { startsWith: 'Paged 0' }, parentId: { eq: parentId } };
    for await (const organization of client.paginate(
      OrganizationsListDocument,
      { filter },
      { path: 'organizations', pageSize: 40 },
    )) {
      names.push(organization.name);
    }
    expect(names).toHaveLength(100);
    expect(new Set(names).size).toBe(100);
    expect(proxy.seen.length - before).toBe(3);
    const all: string[] = [];
    const orderBy = { field: 'NAME' as const, direction: 'ASC' as const };
    const parentFilter = { parentId: { eq: parentId } };
    for await (const organization of client.paginate(
      OrganizationsListDocument,
      { filter: parentFilter, orderBy },
      { path: 'organizations' },
    )) {
      all.push(organization.name);
    }
    expect(all).toHaveLength(COUNT);
    expect(all).toEqual([...all].sort());
    expect(proxy.seen.length - before).toBe(3 + 2);
  });

  it('walks a nested connection named by its path, one page at a time if asked', async () => {
    const sizes: number[] = [];
    for await (const page of client.pages(
      ChildrenDocument,
      { id: parentId },
      { path: 'organization.children', pageSize: 50 },
    )) {
      expect(page.totalCount).toBe(COUNT);
      sizes.push(page.nodes.length);
    }
    expect(sizes).toEqual([50, 50, 30]);
    const ids = new Set<string>();
    for await (const child of client.paginate(ChildrenDocument, { id: parentId }, { path: 'organization.children' })) {
      ids.add(child.id);
    }
    expect(ids.size).toBe(COUNT);
  });

  it("walks the example seminar's agenda with the README's document, typed end to end", async () => {
    const [seminar] = (await client.seminars.list({ filter: { code: { eq: 'KOICA-CIAT-2025-UZ' } } })).nodes;
    const { seminar: read } = await client.request(SeminarAgenda, { id: seminar!.id });
    expect(read?.title).toBe(seminar!.title);
    const starts: string[] = [];
    for await (const session of client.paginate(
      SeminarAgenda,
      { id: seminar!.id },
      { path: 'seminar.sessions', pageSize: 7 },
    )) {
      expect(session.startsAtLocal).toMatch(/^2025-10-\d\dT\d\d:\d\d:\d\d\+0[59]:00$/);
      starts.push(session.startsAtLocal);
      expect(Array.isArray(session.speakers)).toBe(true);
    }
    expect(starts.length).toBeGreaterThan(7);
    expect(starts).toEqual([...starts].sort());
  });

  it('yields nothing when the parent does not exist', async () => {
    const nodes = [];
    const missing = Buffer.from('Organization:00000000-0000-4000-8000-000000000000').toString('base64url');
    for await (const node of client.paginate(ChildrenDocument, { id: missing }, { path: 'organization.children' })) {
      nodes.push(node);
    }
    expect(nodes).toEqual([]);
  });

  it('keeps the page size within what the API serves', async () => {
    for (const pageSize of [0, 101, 2.5]) {
      const pages = client.paginate(OrganizationsListDocument, {}, { path: 'organizations', pageSize });
      await expect(pages.next()).rejects.toThrow(RangeError);
    }
  });

  it('retries a failed page without repeating or skipping items', async () => {
    proxy.script(['pass', 'drop', { status: 503, retryAfter: '0' }]);
    const retrying = createClient({
      url: proxy.url,
      token: (await live.api.as('ADMIN')).token,
      retry: { minDelayMs: 10 },
    });
    const ids: string[] = [];
    for await (const organization of retrying.paginate(
      OrganizationsListDocument,
      { filter: { parentId: { eq: parentId } } },
      { path: 'organizations', pageSize: 60 },
    )) {
      ids.push(organization.id);
    }
    expect(ids).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
  });
});
