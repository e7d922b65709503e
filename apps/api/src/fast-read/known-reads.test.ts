import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../test/testkit.ts';

let api: TestApi;
let admin: Actor;
beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
});
afterAll(async () => {
  await api?.close();
});

async function readPath(path: string): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  return Number(new RegExp(`seminarhub_graphql_read_path_total\\{path="${path}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}`, ...headers },
    body: JSON.stringify(body),
  });
  const answer: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    answer[name] = value;
  });
  // Per request by nature: when, which request, and the budget left.
  for (const name of ['date', 'x-request-id', 'ratelimit-remaining']) delete answer[name];
  return { status: response.status, headers: answer, body: await response.text() };
}

const NAMES = {
  query: 'query Names($first: Int) { organizations(first: $first) { totalCount nodes { name acronym } } }',
  variables: { first: 2 },
};

describe('reads answered again from their statement', () => {
  it('answers a read the second time with the same status, headers and bytes, without Apollo', async () => {
    const known = await readPath('known');
    const first = await post(NAMES);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).data.organizations.nodes).toHaveLength(2);
    expect(await readPath('known')).toBe(known);

    const second = await post(NAMES);
    expect(second).toEqual(first);
    expect(await readPath('known')).toBe(known + 1);
  });

  it('sees the rows as they are now', async () => {
    const query = { query: '{ organizations(first: 100) { totalCount } }' };
    const before = JSON.parse((await post(query)).body).data.organizations.totalCount;
    await api.db.prisma.organization.create({
      data: { name: 'Known Reads Institute', type: 'ACADEMIA', countryCode: 'UZ' },
    });
    const after = await post(query);
    expect(JSON.parse(after.body).data.organizations.totalCount).toBe(before + 1);
  });

  it('keeps each variant apart: other variables, another operation name, another Accept', async () => {
    await post(NAMES);
    const known = await readPath('known');
    const three = await post({ ...NAMES, variables: { first: 3 } });
    expect(JSON.parse(three.body).data.organizations.nodes).toHaveLength(3);
    const graphqlResponse = await post(NAMES, { accept: 'application/graphql-response+json' });
    expect(graphqlResponse.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    const named = await post({ ...NAMES, operationName: 'Names' });
    expect(named.status).toBe(200);
    expect(await readPath('known')).toBe(known);
  });

  it('never keeps an answer with errors, nor one refused: the checks run again', async () => {
    const tooMany = { query: '{ seminars(first: 500) { nodes { title } } }' };
    const refused = await post(tooMany);
    const again = await post(tooMany);
    expect(again).toEqual(refused);
    expect(JSON.parse(again.body).errors?.length).toBeGreaterThan(0);

    await post(NAMES);
    const known = await readPath('known');
    // The same document from a viewer whose budget is spent, or whose credential is wrong.
    const wrong = await post(NAMES, { authorization: 'Bearer shs_not-a-token' });
    expect(wrong.status).toBe(401);
    expect(await readPath('known')).toBe(known);
  });

  it('leaves other viewers to the full path, whose rules read their own assignments', async () => {
    const coordinator = await api.as('COORDINATOR');
    const known = await readPath('known');
    for (let i = 0; i < 2; i++) expect((await coordinator.graphql(NAMES.query, NAMES.variables)).status).toBe(200);
    expect(await readPath('known')).toBe(known);
  });
});
