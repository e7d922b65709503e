// The dataset: a database migrated with SeminarHub's own migrations, filled by a handful of
// INSERT … SELECT generate_series statements (seconds for 80,000 speakers, where row-by-row inserts
// through Prisma would take minutes). Every value derives from its row number, so two runs build the
// same data, and every ordering key the queries sort by is unique (no ties for the servers to break
// differently).
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { applyPendingMigrations } from '@seminarhub/db';
import pg from 'pg';
import { config } from './config.mjs';

/**
 * Words of the session titles. Q3 searches for SEARCH_WORD: one of 80 topics, so about 1/80 of the
 * sessions match, well under the API's cap of 1000 search matches, which would otherwise make the
 * two servers' answers differ by design.
 */
const TOPICS = [
  'procurement',
  'broadband',
  'cybersecurity',
  'interoperability',
  'census',
  'taxation',
  'customs',
  'cadastre',
  'licensing',
  'healthcare',
  'pensions',
  'education',
  'statistics',
  'budgeting',
  'auditing',
  'payments',
  'identity',
  'archives',
  'registries',
  'transport',
  'agriculture',
  'fisheries',
  'forestry',
  'water',
  'energy',
  'tourism',
  'justice',
  'policing',
  'elections',
  'parliament',
  'municipalities',
  'mapping',
  'weather',
  'disasters',
  'logistics',
  'postal',
  'housing',
  'employment',
  'welfare',
  'immigration',
  'trade',
  'investment',
  'startups',
  'innovation',
  'research',
  'universities',
  'schools',
  'libraries',
  'museums',
  'broadcasting',
  'spectrum',
  'satellites',
  'datacentres',
  'cloud',
  'openness',
  'privacy',
  'ethics',
  'automation',
  'robotics',
  'sensors',
  'ledgers',
  'signatures',
  'portals',
  'helpdesks',
  'chatbots',
  'kiosks',
  'mobility',
  'parking',
  'tolling',
  'railways',
  'aviation',
  'shipping',
  'harbours',
  'inspection',
  'standards',
  'metrology',
  'patents',
  'copyright',
  'competition',
  'consumers',
];
const DATASET_VERSION = 2;
export const SEARCH_WORD = 'procurement';
const NOUNS = [
  'Strategy',
  'Workshop',
  'Case',
  'Roadmap',
  'Review',
  'Lessons',
  'Pilot',
  'Reform',
  'Outlook',
  'Practice',
];
const GIVEN = [
  'Aziz',
  'Malika',
  'Jisoo',
  'Minho',
  'Olga',
  'Ivan',
  'Sarah',
  'David',
  'Amina',
  'Farrukh',
  'Yuna',
  'Timur',
];
const FAMILY = ['Karimov', 'Lee', 'Park', 'Petrova', 'Smith', 'Yusupova', 'Choi', 'Rahimov', 'Jones', 'Kang', 'Ali'];
const KINDS = [
  'OPENING',
  'ORIENTATION',
  'PRESENTATION',
  'LECTURE',
  'PANEL',
  'WORKSHOP',
  'COUNTRY_REPORT',
  'SITE_VISIT',
  'CULTURAL_VISIT',
  'ACTION_PLAN_WORKSHOP',
  'ACTION_PLAN_PRESENTATION',
  'EVALUATION',
  'CLOSING',
  'BREAK',
  'TRANSFER',
];
const ORG_TYPES = ['MINISTRY', 'AGENCY', 'LOCAL_GOVERNMENT', 'PUBLIC_ENTERPRISE', 'ACADEMIA', 'PRIVATE', 'NGO'];
const ROLES = ['SPEAKER', 'MODERATOR', 'PANELIST', 'PRESENTER', 'FACILITATOR', 'INTERPRETER', 'SITE_HOST'];
const STATUSES = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];

const arr = (values) => `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;
// `pick(values, n)`: a deterministic, well-spread choice from `values` for row number `n`.
const pick = (values, n) => `(${arr(values)})[1 + ((hashtext((${n})::text) & 2147483647) % ${values.length})]`;
// Deterministic UUIDs: the same row number gives the same ID in every run.
const uuid = (kind, n) => `md5('${kind}' || (${n})::text)::uuid`;

/** The text-search document of a session, exactly as SeminarHub's SESSION_LIST.search builds it. */
export const SESSION_DOCUMENT = `setweight(to_tsvector('simple', coalesce(t.title, '')), 'A') || setweight(to_tsvector('simple', coalesce(t.description, '')), 'B') || setweight(to_tsvector('simple', coalesce((
      SELECT string_agg(p."givenName" || ' ' || p."familyName", ' ')
      FROM "SessionSpeaker" s JOIN "Person" p ON p.id = s."personId" WHERE s."sessionId" = t.id), '')), 'B')`;

function fillStatements(sizes) {
  const { organizations: O, people: P, places: L, programs: R, seminars: S, sessionsPerSeminar: J } = sizes;
  const K = sizes.speakersPerSession;
  if (K > ROLES.length) throw new Error(`at most ${ROLES.length} speakers per session (one per role)`);
  return [
    `INSERT INTO "Organization" (id, name, acronym, type, "countryCode", "updatedAt")
     SELECT ${uuid('org', 'i')}, 'Organization ' || i, 'ORG' || i, ${pick(ORG_TYPES, "'ot' || i")}::"OrganizationType",
            ${pick(['UZ', 'KR', 'KZ', 'KG', 'TJ'], "'oc' || i")}, now()
     FROM generate_series(1, ${O}) i`,
    `INSERT INTO "Person" (id, "givenName", "familyName", "jobTitle", "organizationId", email, "updatedAt")
     SELECT ${uuid('person', 'i')}, ${pick(GIVEN, "'pg' || i")}, ${pick(FAMILY, "'pf' || i")} || i, 'Officer ' || i,
            CASE WHEN i % 10 = 0 THEN NULL ELSE ${uuid('org', `1 + (i % ${O})`)} END, 'person' || i || '@example.org', now()
     FROM generate_series(1, ${P}) i`,
    `INSERT INTO "Place" (id, name, kind, city, "countryCode", "hostOrganizationId", "updatedAt")
     SELECT ${uuid('place', 'i')}, 'Place ' || i, ${pick(['VENUE', 'SITE', 'HOTEL'], "'lk' || i")}::"PlaceKind",
            ${pick(['Seoul', 'Tashkent', 'Almaty', 'Busan', 'Bishkek'], "'lc' || i")}, 'KR', ${uuid('org', `1 + (i % ${O})`)}, now()
     FROM generate_series(1, ${L}) i`,
    `INSERT INTO "Program" (id, code, title, "funderId", "implementerId", "updatedAt")
     SELECT ${uuid('program', 'i')}, 'PRG-' || i, 'Programme ' || i, ${uuid('org', `1 + (i % ${O})`)}, ${uuid('org', `1 + ((i + 1) % ${O})`)}, now()
     FROM generate_series(1, ${R}) i`,
    `INSERT INTO "Seminar" (id, "programId", "partnerId", code, title, description, "startDate", "endDate", timezone,
                            city, "countryCode", status, capacity, "updatedAt")
     SELECT ${uuid('seminar', 'i')}, ${uuid('program', `1 + (i % ${R})`)}, ${uuid('org', `1 + (i % ${O})`)}, 'SEM-' || i,
            'Seminar ' || i || ' on ' || ${pick(TOPICS, "'st' || i")}, 'A seminar for officials, number ' || i,
            DATE '2020-01-01' + i, DATE '2020-01-01' + i + 10, 'Asia/Seoul', 'Seoul', 'KR',
            -- The last seminars stay open (PUBLISHED), so Q4 may change their agenda.
            CASE WHEN i > ${S} - ${Math.ceil(200 / Math.max(J, 1))} THEN 'PUBLISHED' ELSE ${pick(STATUSES, "'ss' || i")} END::"SeminarStatus",
            30, now()
     FROM generate_series(1, ${S}) i`,
    // Session n = (seminar - 1) * J + j; its start is unique within its seminar (j * 11 hours).
    `INSERT INTO "Session" (id, "seminarId", kind, title, description, "startsAt", "endsAt", "placeId", language, "updatedAt")
     SELECT ${uuid('session', 'n')}, ${uuid('seminar', 's')}, ${pick(KINDS, "'sk' || n")}::"SessionKind",
            ${pick(NOUNS, "'sn' || n")} || ': ' || initcap(${pick(TOPICS, "'sT' || n")}) || ' ' || n,
            'Item ' || j || ' of seminar ' || s,
            (DATE '2020-01-01' + s)::timestamp AT TIME ZONE 'Asia/Seoul' + interval '8 hours' + j * interval '11 hours',
            (DATE '2020-01-01' + s)::timestamp AT TIME ZONE 'Asia/Seoul' + interval '9 hours 30 minutes' + j * interval '11 hours',
            CASE WHEN n % 7 = 0 THEN NULL ELSE ${uuid('place', `1 + (n % ${L})`)} END, 'en', now()
     FROM generate_series(1, ${S}) s, generate_series(0, ${J - 1}) j, LATERAL (SELECT (s - 1) * ${J} + j + 1 AS n) x`,
    // Speakers of one session are distinct people (7919 is prime, so k * 7919 differs modulo P).
    // Their IDs rise with the position, so the peer's PRIMARY_KEY_ASC (it cannot sort by the
    // unindexed position) lists them in the agenda order SeminarHub uses.
    `INSERT INTO "SessionSpeaker" (id, "sessionId", "personId", role, position)
     SELECT lpad(to_hex(n * ${K} + k), 32, '0')::uuid, ${uuid('session', 'n')}, ${uuid('person', `1 + ((n * ${K} + k) * 7919) % ${P}`)},
            (${arr(ROLES)})[k + 1]::"SpeakerRole", k
     FROM generate_series(1, ${S * J}) n, generate_series(0, ${K - 1}) k`,
  ];
}

/** The peer's equivalents of what SeminarHub offers beyond PostGraphile's generated CRUD. */
const PEER_FUNCTIONS = [
  'CREATE SCHEMA IF NOT EXISTS bench_peer',
  // Q3: PostGraphile's amber preset filters by equality only and has no full-text search; a set-returning
  // function is how a PostGraphile user adds both. It uses the very document SeminarHub searches.
  `CREATE OR REPLACE FUNCTION bench_peer.search_sessions(search text, kinds public."SessionKind"[], starts_from timestamptz)
   RETURNS SETOF public."Session" LANGUAGE sql STABLE AS $$
     SELECT t.* FROM public."Session" t
     WHERE (${SESSION_DOCUMENT}) @@ to_tsquery('simple', search || ':*')
       AND t.kind = ANY(kinds) AND t."startsAt" >= starts_from
     ORDER BY t.title, t.id
   $$`,
  // Q4: optimistic concurrency as SeminarHub's sessionUpdate does it: the update applies only at
  // the version the client read, and bumps it.
  `CREATE OR REPLACE FUNCTION bench_peer.session_update(session_id uuid, expected_version int, new_title text)
   RETURNS public."Session" LANGUAGE sql VOLATILE AS $$
     UPDATE public."Session" SET title = new_title, version = version + 1, "updatedAt" = now()
     WHERE id = session_id AND version = expected_version RETURNING *
   $$`,
];

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates (or, with `regenerate`, recreates) the bench database and fills it; skips a filled one. */
export async function generateDataset({ databaseUrl, sizes, regenerate, log = console.log }) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`database name "${name}" must be lower-case letters, digits, _`);
  // Bump DATASET_VERSION when what the generator writes changes, so old datasets are rebuilt.
  const marker = { ...sizes, version: DATASET_VERSION };
  const wanted = JSON.stringify(marker);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const existing = await withClient(adminUrl.href, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount > 0;
  });
  if (existing && !regenerate) {
    const have = await withClient(databaseUrl, async (client) => {
      const rows = await client
        .query(`SELECT sizes::text AS sizes FROM bench_meta.dataset`)
        .then((result) => result.rows)
        .catch(() => []);
      return rows[0]?.sizes;
    });
    if (have && isDeepStrictEqual(JSON.parse(have), marker)) {
      log(`dataset: ${name} already holds ${wanted}`);
      await withClient(databaseUrl, (client) => installPeerFunctions(client));
      return;
    }
  }
  const started = performance.now();
  await withClient(adminUrl.href, async (client) => {
    if (existing) await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const applied = await applyPendingMigrations(databaseUrl);
  log(`dataset: migrated ${name} (${applied.length} migrations)`);
  await withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    for (const statement of fillStatements(sizes)) await client.query(statement);
    await client.query('CREATE SCHEMA bench_meta');
    await client.query('CREATE TABLE bench_meta.dataset (sizes jsonb NOT NULL)');
    await client.query('INSERT INTO bench_meta.dataset VALUES ($1)', [wanted]);
    await client.query('COMMIT');
    await installPeerFunctions(client);
    await client.query('VACUUM ANALYZE');
  });
  log(`dataset: filled ${name} with ${wanted} in ${Math.round(performance.now() - started)} ms`);
}

async function installPeerFunctions(client) {
  for (const statement of PEER_FUNCTIONS) await client.query(statement);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await generateDataset({ databaseUrl: config.databaseUrl, sizes: config.sizes, regenerate: config.regenerate });
}
