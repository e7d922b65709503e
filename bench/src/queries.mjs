// Q0–Q4, each as SeminarHub asks it (apps/api/schema.graphql), as PostGraphile's generated schema
// asks it, and (Q0, Q1) as the floor answers it; with a normalizer per server that maps its answer
// onto one neutral shape (database UUIDs, ISO instants), so answers can be compared value by value.
import { SEARCH_WORD } from './generate.mjs';

/** SeminarHub's global IDs are base64url of `<Type>:<uuid>`; the peer's `rowId` is the UUID. */
const uuidOf = (globalId) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const instant = (value) => new Date(value).toISOString();
const orgOf = (org, id) => (org ? { id: org[id], name: org.name } : null);

const Q1_SEMINARHUB = `query Q1 {
  seminars(first: 20, orderBy: { field: START_DATE, direction: ASC }) {
    nodes { id title sessions(first: 20, orderBy: { field: STARTS_AT, direction: ASC }) {
      nodes { id title startsAt speakers { role position person { id givenName familyName organization { id name } } } }
    } }
  }
}`;
const Q1_PEER = `query Q1 {
  allSeminars(first: 20, orderBy: [START_DATE_ASC, PRIMARY_KEY_ASC]) {
    nodes { rowId title sessionsBySeminarId(first: 20, orderBy: [STARTS_AT_ASC, PRIMARY_KEY_ASC]) {
      nodes { rowId title startsAt sessionSpeakersBySessionId(orderBy: PRIMARY_KEY_ASC) {
        nodes { role position personByPersonId { rowId givenName familyName organizationByOrganizationId { rowId name } } }
      } }
    } }
  }
}`;

const Q2_SEMINARHUB = `query Q2($id: ID!) {
  seminar(id: $id) {
    id title timezone
    sessions(first: 100) {
      nodes { id title kind startsAt endsAt place { id name city }
        speakers { role position person { id givenName familyName jobTitle } } }
    }
  }
}`;
const Q2_PEER = `query Q2($id: UUID!) {
  seminarByRowId(rowId: $id) {
    rowId title timezone
    sessionsBySeminarId(first: 100, orderBy: [STARTS_AT_ASC, PRIMARY_KEY_ASC]) {
      nodes { rowId title kind startsAt endsAt placeByPlaceId { rowId name city }
        sessionSpeakersBySessionId(orderBy: PRIMARY_KEY_ASC) {
          nodes { role position personByPersonId { rowId givenName familyName jobTitle } } } }
    }
  }
}`;

const Q3_KINDS = ['LECTURE', 'PANEL', 'WORKSHOP'];
const Q3_SEMINARHUB = `query Q3($from: DateTime!) {
  sessions(first: 20, search: "${SEARCH_WORD}", orderBy: { field: TITLE, direction: ASC },
           filter: { kind: { in: [${Q3_KINDS}] }, startsAt: { gte: $from } }) {
    totalCount pageInfo { hasNextPage } nodes { id title kind startsAt }
  }
}`;
const Q3_PEER = `query Q3($from: Datetime!) {
  benchPeerSearchSessions(search: "${SEARCH_WORD}", kinds: [${Q3_KINDS}], startsFrom: $from, first: 20) {
    totalCount pageInfo { hasNextPage } nodes { rowId title kind startsAt }
  }
}`;

export const Q4_SEMINARHUB = `mutation Q4($id: ID!, $version: Int!, $title: String!) {
  sessionUpdate(input: { id: $id, version: $version, title: $title }) {
    session { id title version } userErrors { code message }
  }
}`;
export const Q4_PEER = `mutation Q4($id: UUID!, $version: Int!, $title: String!) {
  benchPeerSessionUpdate(input: { sessionId: $id, expectedVersion: $version, newTitle: $title }) {
    result { rowId title version }
  }
}`;

const speakersFrom = (list, personKey, idKey, orgKey) =>
  list.map((speaker) => {
    const person = speaker[personKey];
    const out = { role: speaker.role, position: speaker.position, person: { id: person[idKey] } };
    for (const key of ['givenName', 'familyName', 'jobTitle']) if (key in person) out.person[key] = person[key];
    if (orgKey) out.person.organization = orgOf(person[orgKey], idKey);
    return out;
  });

/**
 * `build(ctx)` gives each query's variables from the dataset: ctx.q2SeminarId (UUID), ctx.q3From.
 * `normalize` maps each server's `data` onto the neutral shape.
 */
export const QUERIES = {
  Q0: {
    title: "Q0, first seminar's title",
    seminarhub: () => ({
      query: '{ seminars(first: 1, orderBy: { field: START_DATE, direction: ASC }) { nodes { title } } }',
    }),
    postgraphile: () => ({
      query: '{ allSeminars(first: 1, orderBy: [START_DATE_ASC, PRIMARY_KEY_ASC]) { nodes { title } } }',
    }),
    floor: true,
    normalize: {
      seminarhub: (data) => data.seminars.nodes[0].title,
      postgraphile: (data) => data.allSeminars.nodes[0].title,
      floor: (data) => data.title,
    },
  },
  Q1: {
    title: 'Q1, 20 seminars → 20 sessions → speakers → person → organization',
    seminarhub: () => ({ query: Q1_SEMINARHUB }),
    postgraphile: () => ({ query: Q1_PEER }),
    floor: true,
    normalize: {
      seminarhub: (data) =>
        data.seminars.nodes.map((seminar) => ({
          id: uuidOf(seminar.id),
          title: seminar.title,
          sessions: seminar.sessions.nodes.map((session) => ({
            id: uuidOf(session.id),
            title: session.title,
            startsAt: instant(session.startsAt),
            speakers: speakersFrom(session.speakers, 'person', 'id', 'organization').map((speaker) => ({
              ...speaker,
              person: {
                ...speaker.person,
                id: uuidOf(speaker.person.id),
                organization: speaker.person.organization
                  ? { ...speaker.person.organization, id: uuidOf(speaker.person.organization.id) }
                  : null,
              },
            })),
          })),
        })),
      postgraphile: (data) =>
        data.allSeminars.nodes.map((seminar) => ({
          id: seminar.rowId,
          title: seminar.title,
          sessions: seminar.sessionsBySeminarId.nodes.map((session) => ({
            id: session.rowId,
            title: session.title,
            startsAt: instant(session.startsAt),
            speakers: speakersFrom(
              session.sessionSpeakersBySessionId.nodes,
              'personByPersonId',
              'rowId',
              'organizationByOrganizationId',
            ),
          })),
        })),
      floor: (data) =>
        data.map((seminar) => ({
          ...seminar,
          sessions: seminar.sessions.map((session) => ({ ...session, startsAt: instant(session.startsAt) })),
        })),
    },
  },
  Q2: {
    title: "Q2, one seminar's whole agenda with places and speakers",
    seminarhub: (ctx) => ({ query: Q2_SEMINARHUB, variables: { id: ctx.q2SeminarGlobalId } }),
    postgraphile: (ctx) => ({ query: Q2_PEER, variables: { id: ctx.q2SeminarId } }),
    floor: false,
    normalize: {
      seminarhub: ({ seminar }) => ({
        id: uuidOf(seminar.id),
        title: seminar.title,
        timezone: seminar.timezone,
        sessions: seminar.sessions.nodes.map((session) => ({
          id: uuidOf(session.id),
          title: session.title,
          kind: session.kind,
          startsAt: instant(session.startsAt),
          endsAt: instant(session.endsAt),
          place: session.place ? { ...session.place, id: uuidOf(session.place.id) } : null,
          speakers: speakersFrom(session.speakers, 'person', 'id').map((speaker) => ({
            ...speaker,
            person: { ...speaker.person, id: uuidOf(speaker.person.id) },
          })),
        })),
      }),
      postgraphile: ({ seminarByRowId: seminar }) => ({
        id: seminar.rowId,
        title: seminar.title,
        timezone: seminar.timezone,
        sessions: seminar.sessionsBySeminarId.nodes.map((session) => ({
          id: session.rowId,
          title: session.title,
          kind: session.kind,
          startsAt: instant(session.startsAt),
          endsAt: instant(session.endsAt),
          place: session.placeByPlaceId
            ? { id: session.placeByPlaceId.rowId, name: session.placeByPlaceId.name, city: session.placeByPlaceId.city }
            : null,
          speakers: speakersFrom(session.sessionSpeakersBySessionId.nodes, 'personByPersonId', 'rowId'),
        })),
      }),
    },
  },
  Q3: {
    title: `Q3, a filtered, searched ("${SEARCH_WORD}"), sorted page of sessions`,
    seminarhub: (ctx) => ({ query: Q3_SEMINARHUB, variables: { from: ctx.q3From } }),
    postgraphile: (ctx) => ({ query: Q3_PEER, variables: { from: ctx.q3From } }),
    floor: false,
    normalize: {
      seminarhub: ({ sessions }) => ({
        totalCount: sessions.totalCount,
        hasNextPage: sessions.pageInfo.hasNextPage,
        nodes: sessions.nodes.map((node) => ({ ...node, id: uuidOf(node.id), startsAt: instant(node.startsAt) })),
      }),
      postgraphile: ({ benchPeerSearchSessions: sessions }) => ({
        totalCount: sessions.totalCount,
        hasNextPage: sessions.pageInfo.hasNextPage,
        nodes: sessions.nodes.map(({ rowId, ...node }) => ({ id: rowId, ...node, startsAt: instant(node.startsAt) })),
      }),
    },
  },
  Q4: {
    title: "Q4, a versioned update of a session's title",
    mutation: true,
    floor: false,
    normalize: {
      seminarhub: ({ sessionUpdate }) =>
        sessionUpdate.session
          ? { applied: true, ...sessionUpdate.session, id: uuidOf(sessionUpdate.session.id) }
          : { applied: false },
      postgraphile: ({ benchPeerSessionUpdate }) =>
        benchPeerSessionUpdate.result
          ? {
              applied: true,
              id: benchPeerSessionUpdate.result.rowId,
              title: benchPeerSessionUpdate.result.title,
              version: benchPeerSessionUpdate.result.version,
            }
          : { applied: false },
    },
  },
};

export const toSeminarHubId = (typeName, uuid) => Buffer.from(`${typeName}:${uuid}`, 'utf8').toString('base64url');
