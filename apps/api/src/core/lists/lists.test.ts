import { EXAMPLE_PROGRAM_ID, EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../node-id.ts';

/**
 * Filters, sort orders and full-text search, on the seminars list and through the machinery every
 * list shares: what a client sees over GraphQL, against real PostgreSQL.
 */
let api: TestApi;
let admin: Awaited<ReturnType<TestApi['as']>>;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
  const seminar = (title: string, startDate: string, status: 'DRAFT' | 'PUBLISHED' | 'COMPLETED', extra = {}) => ({
    programId: EXAMPLE_PROGRAM_ID,
    title,
    startDate: day(startDate),
    endDate: day(startDate),
    timezone: 'Asia/Seoul',
    countryCode: 'KR',
    status,
    ...extra,
  });
  await api.db.prisma.seminar.createMany({
    data: [
      seminar('Digital Government Basics', '2024-03-04', 'COMPLETED', { description: 'e-government services' }),
      seminar('Smart City Operations', '2024-06-10', 'PUBLISHED', { description: 'Traffic and digital twins' }),
      seminar('Cyber Security for Ministries', '2025-02-03', 'DRAFT', { city: 'Busan' }),
      seminar('Open Data Policy', '2026-01-12', 'PUBLISHED', { description: 'Digital data for government' }),
      // Many with the same start date, so that sorting must fall back on the ID to stay total.
      ...Array.from({ length: 30 }, (_, index) =>
        seminar(`Regional Workshop ${String(index).padStart(2, '0')}`, '2025-09-01', 'PUBLISHED'),
      ),
    ],
  });
});
afterAll(() => api?.close());

const VARIABLE_TYPES: Record<string, string> = {
  filter: 'SeminarFilter',
  orderBy: 'SeminarOrder',
  search: 'String',
  first: 'Int',
  after: 'String',
};

async function titles(args: string, variables: Record<string, unknown> = {}) {
  const declared = Object.keys(variables).map((name) => `$${name}: ${VARIABLE_TYPES[name]}`);
  const response = await admin.graphql(
    `query${declared.length ? `(${declared.join(', ')})` : ''} {
      seminars(${args}) { totalCount nodes { title } pageInfo { endCursor hasNextPage } }
    }`,
    variables,
  );
  expect(response.errors).toBeUndefined();
  return response.data.seminars as {
    totalCount: number;
    nodes: { title: string }[];
    pageInfo: { endCursor: string; hasNextPage: boolean };
  };
}

describe('filter', () => {
  it('keeps only rows meeting every condition, and counts only those', async () => {
    const result = await titles('filter: $filter, first: 100', {
      filter: { status: { in: ['PUBLISHED', 'COMPLETED'] }, title: { contains: 'GOVERNMENT' } },
    });
    expect(result.nodes.map((node) => node.title)).toEqual(['Digital Government Basics']);
    expect(result.totalCount).toBe(1);
  });

  it('combines conditions with OR and NOT, and ranges on dates', async () => {
    const result = await titles('filter: $filter, first: 100, orderBy: { field: START_DATE, direction: ASC }', {
      filter: {
        OR: [{ startDate: { lt: '2024-12-31' } }, { city: { eq: 'Busan' } }],
        NOT: { status: { eq: 'COMPLETED' } },
      },
    });
    expect(result.nodes.map((node) => node.title)).toEqual(['Smart City Operations', 'Cyber Security for Ministries']);
  });

  it('filters by a reference given as a global ID, and refuses an ID of another type by name', async () => {
    const ofProgram = await titles('filter: $filter, first: 1', {
      filter: { programId: { eq: toGlobalId('Program', EXAMPLE_PROGRAM_ID) } },
    });
    expect(ofProgram.totalCount).toBe(35);
    const wrong = await admin.graphql('query($f: SeminarFilter) { seminars(filter: $f) { totalCount } }', {
      f: { programId: { eq: toGlobalId('Seminar', EXAMPLE_SEMINAR_ID) } },
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toContain('filter.programId.eq');
  });
});

describe('orderBy', () => {
  it('sorts by the chosen field and direction, ties broken by ID, and pages without overlap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await titles('orderBy: $orderBy, first: $first, after: $after', {
        orderBy: { field: 'TITLE', direction: 'DESC' },
        first: 7,
        after,
      });
      seen.push(...page.nodes.map((node) => node.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(35);
  });

  it('sorts an enum in the order of its life cycle', async () => {
    const result = await titles('orderBy: { field: STATUS }, first: 100');
    const statuses = await admin.graphql('{ seminars(orderBy: { field: STATUS }, first: 100) { nodes { status } } }');
    const order = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
    const seen = statuses.data.seminars.nodes.map((node: { status: string }) => order.indexOf(node.status));
    expect(seen).toEqual([...seen].sort((a: number, b: number) => a - b));
    expect(result.nodes[0]?.title).toBe('Cyber Security for Ministries');
  });

  it('refuses a cursor from a list sorted another way', async () => {
    const byTitle = await titles('orderBy: { field: TITLE }, first: 2');
    const response = await admin.graphql(
      'query($after: String) { seminars(orderBy: { field: START_DATE }, after: $after) { totalCount } }',
      { after: byTitle.pageInfo.endCursor },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('search', () => {
  it('finds every word, as a word or its start, across titles and descriptions, the most relevant first', async () => {
    const result = await titles('search: $search, first: 10', { search: 'digital gov' });
    // Both words in the title weigh more than words in a description ("governance" starts with "gov").
    expect(result.nodes[0]?.title).toBe('Digital Government Basics');
    expect(result.nodes.map((node) => node.title).sort()).toEqual([
      'Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan',
      'Digital Government Basics',
      'Open Data Policy',
    ]);
    expect(result.totalCount).toBe(3);
  });

  it('pages through results in relevance order with cursors', async () => {
    const everything = await titles('search: $search, first: 100', { search: 'workshop' });
    expect(everything.totalCount).toBe(30);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await titles('search: $search, first: $first, after: $after', {
        search: 'workshop',
        first: 8,
        after,
      });
      seen.push(...page.nodes.map((node) => node.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything.nodes.map((node) => node.title));
  });

  it('combines with filter and orderBy', async () => {
    const result = await titles('search: $search, filter: $filter, orderBy: $orderBy, first: 100', {
      search: 'digital',
      filter: { status: { eq: 'PUBLISHED' } },
      orderBy: { field: 'START_DATE', direction: 'ASC' },
    });
    expect(result.nodes.map((node) => node.title)).toEqual(['Smart City Operations', 'Open Data Policy']);
  });

  it('treats punctuation and query syntax as plain text', async () => {
    const result = await titles('search: $search', { search: "digital & (government | !) ' :*" });
    expect(result.totalCount).toBe(2);
    const empty = await admin.graphql('{ seminars(search: "&&& !!!") { totalCount } }');
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('searches nested lists within each parent, in one batch', async () => {
    const response = await admin.graphql(
      `{ programs(first: 5) { nodes { seminars(search: "workshop 07", first: 5) { totalCount nodes { title } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const example = response.data.programs.nodes.find(
      (program: { seminars: { totalCount: number } }) => program.seminars.totalCount > 0,
    );
    expect(example.seminars.nodes.map((node: { title: string }) => node.title)).toEqual(['Regional Workshop 07']);
  });

  it('never shows what the viewer may not see', async () => {
    const anonymous = await api.graphql('{ seminars(search: "cyber") { totalCount } }');
    expect(anonymous.data.seminars.totalCount).toBe(0);
  });
});

describe('filters through relations', () => {
  const agenda = `{ seminar(id: "${toGlobalId('Seminar', EXAMPLE_SEMINAR_ID)}") {
    sessions(first: 100) { nodes { id speakers { person { id familyName organization { id } } } } }
    enrollments(first: 100) { nodes { id status organization { id } } }
  } }`;

  it('lists the sessions a person speaks at, and those an organization’s people speak at', async () => {
    const { data } = await admin.graphql(agenda);
    const sessions = data.seminar.sessions.nodes as {
      id: string;
      speakers: { person: { id: string; familyName: string; organization: { id: string } | null } }[];
    }[];
    const speaker = sessions.flatMap((session) => session.speakers)[0]?.person;
    if (!speaker?.organization) throw new Error('the example agenda has speakers with organizations');
    const bySpeaker = await admin.graphql(
      'query($id: ID!) { sessions(filter: { speakerId: { eq: $id } }) { nodes { id } } }',
      {
        id: speaker.id,
      },
    );
    expect(bySpeaker.data.sessions.nodes.map((node: { id: string }) => node.id).sort()).toEqual(
      sessions
        .filter((s) => s.speakers.some((x) => x.person.id === speaker.id))
        .map((s) => s.id)
        .sort(),
    );
    const organizationId = speaker.organization.id;
    const byOrganization = await admin.graphql(
      'query($id: ID!) { sessions(filter: { speakerOrganizationId: { eq: $id } }, first: 100) { nodes { id } } }',
      { id: organizationId },
    );
    expect(byOrganization.data.sessions.nodes.map((node: { id: string }) => node.id).sort()).toEqual(
      sessions
        .filter((s) => s.speakers.some((x) => x.person.organization?.id === organizationId))
        .map((s) => s.id)
        .sort(),
    );
    // A speaker's name finds their sessions through search too.
    const searched = await admin.graphql('query($q: String!) { sessions(search: $q, first: 100) { nodes { id } } }', {
      q: speaker.familyName,
    });
    const found = searched.data.sessions.nodes.map((node: { id: string }) => node.id);
    for (const session of bySpeaker.data.sessions.nodes) expect(found).toContain(session.id);
  });

  it('lists a seminar’s enrollments by nominating organization and status', async () => {
    const { data } = await admin.graphql(agenda);
    const enrollments = data.seminar.enrollments.nodes as {
      id: string;
      status: string;
      organization: { id: string } | null;
    }[];
    const organizationId = enrollments.find((e) => e.organization)?.organization?.id as string;
    const response = await admin.graphql(
      `query($seminar: ID!, $filter: EnrollmentFilter) { seminar(id: $seminar) { enrollments(filter: $filter, first: 100) { nodes { id } } } }`,
      {
        seminar: toGlobalId('Seminar', EXAMPLE_SEMINAR_ID),
        filter: { organizationId: { eq: organizationId }, status: { in: ['CONFIRMED', 'COMPLETED'] } },
      },
    );
    expect(response.data.seminar.enrollments.nodes.map((node: { id: string }) => node.id).sort()).toEqual(
      enrollments
        .filter((e) => e.organization?.id === organizationId && ['CONFIRMED', 'COMPLETED'].includes(e.status))
        .map((e) => e.id)
        .sort(),
    );
  });

  it('lists proposals by status and seminar; a filter on the team matches only proposals whose team the viewer may see', async () => {
    const byStatus = await admin.graphql(
      'query($id: ID!) { proposals(filter: { seminarId: { eq: $id }, status: { eq: COMMENDED } }) { nodes { status } } }',
      { id: toGlobalId('Seminar', EXAMPLE_SEMINAR_ID) },
    );
    expect(byStatus.data.proposals.nodes.length).toBe(2);
    expect(new Set(byStatus.data.proposals.nodes.map((node: { status: string }) => node.status))).toEqual(
      new Set(['COMMENDED']),
    );
    const supported = await api.db.prisma.proposal.findFirstOrThrow({
      where: { status: 'SELECTED_FOR_SUPPORT' },
      include: { members: true },
    });
    const memberId = toGlobalId('Person', supported.members[0]?.personId as string);
    const query = 'query($id: ID!) { proposals(filter: { memberId: { eq: $id } }) { totalCount } }';
    expect((await admin.graphql(query, { id: memberId })).data.proposals.totalCount).toBeGreaterThan(0);
    // Anonymous callers see the supported proposal, but not its team: the filter must not reveal it.
    expect((await api.graphql(query, { id: memberId })).data.proposals.totalCount).toBe(0);
  });

  it('lists people through their organization’s own fields', async () => {
    const response = await admin.graphql(
      '{ people(filter: { organization: { type: { eq: MINISTRY }, countryCode: { eq: "UZ" } } }, first: 100) { nodes { organization { type countryCode } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.people.nodes.length).toBeGreaterThan(0);
    for (const node of response.data.people.nodes)
      expect(node.organization).toEqual({ type: 'MINISTRY', countryCode: 'UZ' });
  });
});

describe('limits', () => {
  const count = (filter: unknown) =>
    admin.graphql('query($f: SeminarFilter) { seminars(filter: $f) { totalCount } }', { f: filter });

  it('refuses filters nested more than 4 deep, or holding more than 50 conditions, naming where', async () => {
    const nested = { NOT: { NOT: { NOT: { NOT: { NOT: { title: { eq: 'x' } } } } } } };
    const deep = await count(nested);
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0]?.message).toContain('filter.NOT.NOT.NOT.NOT.NOT');
    const many = await count({ OR: Array.from({ length: 51 }, (_, index) => ({ title: { eq: `t${index}` } })) });
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(many.errors?.[0]?.message).toContain('filter.OR.50.title');
    const fifty = await count({ OR: Array.from({ length: 50 }, (_, index) => ({ title: { eq: `t${index}` } })) });
    expect(fifty.errors).toBeUndefined();
  });

  it('refuses over-long texts and lists in conditions, and over-long searches', async () => {
    const long = await count({ title: { contains: 'x'.repeat(201) } });
    expect(long.errors?.[0]?.message).toContain('filter.title.contains');
    const list = await count({ title: { in: Array.from({ length: 101 }, (_, index) => `t${index}`) } });
    expect(list.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const search = await admin.graphql('query($q: String) { seminars(search: $q) { totalCount } }', {
      q: 'x'.repeat(201),
    });
    expect(search.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
