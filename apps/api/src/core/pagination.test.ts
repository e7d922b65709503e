import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';

let api: TestApi;
let expected: string[];

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String) {
  organizations(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { name } }
    nodes { name }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

beforeAll(async () => {
  api = await startTestApi();
  // More rows than a page, with duplicate names so that the id tie-breaker must keep the order total.
  await api.db.prisma.organization.createMany({
    data: Array.from({ length: 45 }, (_, index) => ({
      name: `Pagination Ministry ${String(Math.floor(index / 3)).padStart(2, '0')}`,
      type: 'MINISTRY' as const,
      countryCode: 'UZ',
    })),
  });
  const everything = await api.graphql('{ organizations(first: 100) { totalCount nodes { id name } } }');
  expected = everything.data.organizations.nodes.map((node: { id: string }) => node.id);
  expect(everything.data.organizations.totalCount).toBe(expected.length);
  expect(expected.length).toBeGreaterThan(45);
});
afterAll(() => api?.close());

async function page(variables: Record<string, unknown>) {
  const query = PAGE.replace('nodes { name }', 'nodes { id name }');
  const { data, errors } = await api.graphql(query, variables);
  expect(errors).toBeUndefined();
  return data.organizations;
}

describe('Relay connections', () => {
  it('walks forward page by page through every row, once each, in order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = await page({ first: 10, after });
      pages += 1;
      seen.push(...result.nodes.map((node: { id: string }) => node.id));
      expect(result.totalCount).toBe(expected.length);
      expect(result.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(result.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(
        result.nodes.map((node: { name: string }) => node.name),
      );
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 10));
  });

  it('walks backward from the end with last/before and meets the same order', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const result = await page({ last: 7, before });
      seen.unshift(...result.nodes.map((node: { id: string }) => node.id));
      expect(result.pageInfo.hasNextPage).toBe(before !== null);
      if (!result.pageInfo.hasPreviousPage) break;
      before = result.pageInfo.startCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('turns around mid-list: the page before a cursor ends right where the cursor is', async () => {
    const forward = await page({ first: 20 });
    const back = await page({ last: 5, before: forward.edges[15].cursor });
    expect(back.nodes.map((node: { id: string }) => node.id)).toEqual(expected.slice(10, 15));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    expect(back.pageInfo.hasNextPage).toBe(true);
  });

  it('answers first: 0 with an empty page that still counts the list', async () => {
    const result = await page({ first: 0 });
    expect(result.nodes).toEqual([]);
    expect(result.pageInfo).toMatchObject({ hasNextPage: true, startCursor: null, endCursor: null });
    expect(result.totalCount).toBe(expected.length);
  });

  it('defaults to 20 items', async () => {
    const result = await page({});
    expect(result.nodes).toHaveLength(20);
  });

  it('pages a nested connection: a seminar agenda three sessions at a time', async () => {
    const query = `query Agenda($after: String) { seminars(first: 1) { nodes { sessions(first: 3, after: $after) {
      totalCount nodes { title } pageInfo { hasNextPage endCursor } } } } }`;
    const titles: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const { data }: { data: any } = await api.graphql(query, { after });
      const sessions: any = data.seminars.nodes[0].sessions;
      total = sessions.totalCount;
      titles.push(...sessions.nodes.map((node: { title: string }) => node.title));
      if (!sessions.pageInfo.hasNextPage) break;
      after = sessions.pageInfo.endCursor;
    }
    expect(titles).toHaveLength(total);
    expect(new Set(titles).size).toBe(total);
  });
});

describe('bad pagination arguments', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['a negative first', { first: -1 }, 'first', /between 0 and 100/],
    ['a first beyond the maximum', { first: 100000 }, 'first', /between 0 and 100/],
    ['a negative last', { last: -5 }, 'last', /between 0 and 100/],
    ['first and last together', { first: 5, last: 5 }, 'last', /not both/],
    ['a malformed cursor', { first: 5, after: 'not-a-cursor' }, 'after', /not a valid cursor/],
    ['a cursor of valid base64 but no position', { first: 5, after: 'W10' }, 'after', /not a valid cursor/],
    ['a malformed before cursor', { last: 5, before: '%%%' }, 'before', /not a valid cursor/],
  ];
  for (const [name, variables, argument, message] of cases) {
    it(`rejects ${name} with BAD_USER_INPUT naming \`${argument}\``, async () => {
      const { status, data, errors } = await api.graphql(PAGE, variables);
      expect(status).toBe(200);
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors?.[0]?.message).toMatch(message);
      expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    });
  }

  it('rejects a non-integer first before running anything', async () => {
    const { status, errors } = await api.graphql(PAGE, { first: 'ten' });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/\$first/);
  });
});
