import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/testkit.ts';
import { getSchema } from '../../schema.ts';
import { toGlobalId } from '../node-id.ts';

/**
 * Every query, mutation and sensitive field against every kind of caller. A row says, per caller,
 * whether the operation is allowed (A) or denied (-), where "denied" for an object means it looks
 * missing. The last test fails when the schema has an operation or sensitive field with no row.
 */
const ROLES = ['anonymous', 'participant', 'reviewer', 'coordinator', 'admin', 'readKey', 'writeKey'] as const;
type Role = (typeof ROLES)[number];
type Send = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ status: number; data: any; errors?: any[] }>;

interface Fixtures {
  draftSeminar: string;
  publicSeminar: string;
  teamProposal: string;
  supportedProposal: string;
  speaker: string;
  participantSelf: string;
  otherParticipant: string;
  draftParticipant: string;
  user: string;
  apiKey: string;
  organization: string;
  program: string;
  session: string;
  enrollment: string;
  milestone: string;
  progressReport: string;
  feedback: string;
}

interface Row {
  /** What it covers: `Query.x`, `Mutation.x`, or `Type.field` for a sensitive field. */
  covers: string;
  what: string;
  /** One letter per role, in ROLES order. */
  expect: string;
  probe: (send: Send, f: Fixtures) => Promise<boolean>;
}

const ok = (response: { errors?: any[] }) => !response.errors?.length;
const denied = (response: { errors?: any[] }) =>
  ['FORBIDDEN', 'UNAUTHENTICATED'].includes(response.errors?.[0]?.extensions?.code);
const idsOf = (connection: { nodes: { id: string }[] }) => connection.nodes.map((node) => node.id);

const MATRIX: Row[] = [
  {
    covers: 'Query.viewer',
    what: 'who am I',
    expect: 'AAAAAAA',
    probe: async (send) => ok(await send('{ viewer { kind } }')),
  },
  {
    covers: 'Query.programs',
    what: 'list programmes',
    expect: 'AAAAAAA',
    probe: async (send) => (await send('{ programs(first: 5) { totalCount } }')).data.programs.totalCount > 0,
  },
  {
    covers: 'Query.program',
    what: 'a programme by id',
    expect: 'AAAAAAA',
    probe: async (send) => {
      const list = await send('{ programs(first: 1) { nodes { id } } }');
      const id = list.data.programs.nodes[0]?.id;
      return Boolean(id && (await send('query($id: ID!) { program(id: $id) { id } }', { id })).data.program);
    },
  },
  {
    covers: 'Mutation.programCreate',
    what: 'set up a programme (refused field by field, so nothing is written)',
    expect: '----A-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($o: ID!) { programCreate(input: { code: "", title: "", funderId: $o, implementerId: $o }) { userErrors { code } } }',
          { o: f.organization },
        ),
      ),
  },
  {
    covers: 'Mutation.programUpdate',
    what: 'change a programme (stale version; coordinators of other programmes find no such programme)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { programUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.program,
        }),
      ),
  },
  {
    covers: 'Mutation.programDelete',
    what: 'delete a programme (stale version)',
    expect: '----A-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { programDelete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.program,
        }),
      ),
  },
  {
    covers: 'Query.seminars',
    what: 'the published seminar in the list',
    expect: 'AAAAAAA',
    probe: async (send, f) =>
      idsOf((await send('{ seminars(first: 50) { nodes { id } } }')).data.seminars).includes(f.publicSeminar),
  },
  {
    covers: 'Query.seminars',
    what: 'a draft seminar in the list',
    expect: '---AAAA',
    probe: async (send, f) =>
      idsOf((await send('{ seminars(first: 50) { nodes { id } } }')).data.seminars).includes(f.draftSeminar),
  },
  {
    covers: 'Query.sessions',
    what: 'the published seminar’s agenda across seminars',
    expect: 'AAAAAAA',
    probe: async (send, f) =>
      (
        await send('query($id: ID!) { sessions(filter: { seminarId: { eq: $id } }) { totalCount } }', {
          id: f.publicSeminar,
        })
      ).data.sessions.totalCount > 0,
  },
  {
    covers: 'Query.sessions',
    what: 'a draft seminar’s agenda, searched across seminars',
    expect: '---AAAA',
    probe: async (send) =>
      (await send('{ sessions(search: "draft lecture") { totalCount } }')).data.sessions.totalCount > 0,
  },
  {
    covers: 'Query.enrollments',
    what: 'one’s own enrollment across seminars',
    expect: '-A--AAA',
    probe: async (send, f) =>
      (
        await send('query($id: ID!) { enrollments(filter: { personId: { eq: $id } }) { totalCount } }', {
          id: f.participantSelf,
        })
      ).data.enrollments.totalCount > 0,
  },
  {
    covers: 'Query.enrollments',
    what: 'a draft seminar’s enrollments across seminars',
    expect: '---AAAA',
    probe: async (send, f) =>
      (
        await send('query($id: ID!) { enrollments(filter: { seminarId: { eq: $id } }) { totalCount } }', {
          id: f.draftSeminar,
        })
      ).data.enrollments.totalCount > 0,
  },
  {
    covers: 'Query.seminar',
    what: 'a draft seminar by id',
    expect: '---AAAA',
    probe: async (send, f) =>
      Boolean((await send('query($id: ID!) { seminar(id: $id) { id } }', { id: f.draftSeminar })).data.seminar),
  },
  {
    covers: 'Query.node',
    what: 'a draft seminar through node(id:)',
    expect: '---AAAA',
    probe: async (send, f) =>
      Boolean((await send('query($id: ID!) { node(id: $id) { id } }', { id: f.draftSeminar })).data.node),
  },
  {
    covers: 'Query.nodes',
    what: 'a draft seminar through nodes(ids:)',
    expect: '---AAAA',
    probe: async (send, f) =>
      Boolean((await send('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [f.draftSeminar] })).data.nodes[0]),
  },
  {
    covers: 'Query.organizations',
    what: 'list organizations',
    expect: 'AAAAAAA',
    probe: async (send) => (await send('{ organizations(first: 5) { totalCount } }')).data.organizations.totalCount > 0,
  },
  {
    covers: 'Query.organization',
    what: 'an organization by id',
    expect: 'AAAAAAA',
    probe: async (send) => {
      const id = (await send('{ organizations(first: 1) { nodes { id } } }')).data.organizations.nodes[0].id;
      return Boolean((await send('query($id: ID!) { organization(id: $id) { id } }', { id })).data.organization);
    },
  },
  {
    covers: 'Query.places',
    what: 'list places',
    expect: 'AAAAAAA',
    probe: async (send) => (await send('{ places(first: 5) { totalCount } }')).data.places.totalCount > 0,
  },
  {
    covers: 'Query.place',
    what: 'a place by id',
    expect: 'AAAAAAA',
    probe: async (send) => {
      const id = (await send('{ places(first: 1) { nodes { id } } }')).data.places.nodes[0].id;
      return Boolean((await send('query($id: ID!) { place(id: $id) { id } }', { id })).data.place);
    },
  },
  {
    covers: 'Query.people',
    what: "a speaker's public profile in the list",
    expect: 'AAAAAAA',
    probe: async (send, f) =>
      idsOf((await send('{ people(first: 100) { nodes { id } } }')).data.people).includes(f.speaker),
  },
  {
    covers: 'Query.people',
    what: 'a participant of another team in the list',
    expect: '---AAAA',
    probe: async (send, f) =>
      idsOf((await send('{ people(first: 100) { nodes { id } } }')).data.people).includes(f.otherParticipant),
  },
  {
    covers: 'Query.person',
    what: 'a participant of another team by id',
    expect: '---AAAA',
    probe: async (send, f) =>
      Boolean((await send('query($id: ID!) { person(id: $id) { id } }', { id: f.otherParticipant })).data.person),
  },
  {
    covers: 'Query.proposals',
    what: 'the proposal selected for support in the list',
    expect: 'AAAAAAA',
    probe: async (send, f) =>
      idsOf((await send('{ proposals(first: 50) { nodes { id } } }')).data.proposals).includes(f.supportedProposal),
  },
  {
    covers: 'Query.proposals',
    what: 'a commended proposal in the list (not public)',
    expect: '-AA-AAA',
    probe: async (send, f) =>
      idsOf((await send('{ proposals(first: 50) { nodes { id } } }')).data.proposals).includes(f.teamProposal),
  },
  {
    covers: 'Query.proposal',
    what: 'a commended proposal by id',
    expect: '-AA-AAA',
    probe: async (send, f) =>
      Boolean((await send('query($id: ID!) { proposal(id: $id) { id } }', { id: f.teamProposal })).data.proposal),
  },
  {
    covers: 'Query.users',
    what: 'list accounts',
    expect: '----A--',
    probe: async (send) => ok(await send('{ users(first: 5) { totalCount } }')),
  },
  {
    covers: 'Query.apiKeys',
    what: 'list API keys',
    expect: '----A--',
    probe: async (send) => ok(await send('{ apiKeys(first: 5) { totalCount } }')),
  },
  {
    covers: 'Query.node',
    what: 'an account through node(id:)',
    expect: '----A--',
    probe: async (send, f) =>
      Boolean((await send('query($id: ID!) { node(id: $id) { id } }', { id: f.user })).data.node),
  },
  {
    covers: 'Query.node',
    what: 'an API key through node(id:)',
    expect: '----A--',
    probe: async (send, f) =>
      Boolean((await send('query($id: ID!) { node(id: $id) { id } }', { id: f.apiKey })).data.node),
  },
  {
    covers: 'Mutation.login',
    what: 'try to sign in',
    expect: 'AAAAA-A',
    probe: async (send) =>
      ok(await send('mutation { login(input: { email: "x@example.org", password: "wrong password!" }) { token } }')),
  },
  {
    covers: 'Mutation.logout',
    what: 'sign out (probed last, as it ends the session)',
    expect: '-AAAA--',
    probe: async () => true,
  },
  {
    covers: 'Mutation.passwordChange',
    what: 'change own password',
    expect: '-AAAA--',
    probe: async (send) =>
      ok(
        await send(
          'mutation { passwordChange(input: { currentPassword: "wrong password!", newPassword: "x" }) { userErrors { code } } }',
        ),
      ),
  },
  {
    covers: 'Mutation.apiKeyCreate',
    what: 'create an API key',
    expect: '----A--',
    probe: async (send) =>
      !denied(await send('mutation { apiKeyCreate(input: { name: "m", scope: READ }) { apiKey { id } } }')),
  },
  {
    covers: 'Mutation.apiKeyRevoke',
    what: 'revoke an API key',
    expect: '----A--',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { apiKeyRevoke(input: { id: $id }) { userErrors { code } } }', { id: f.apiKey }),
      ),
  },
  {
    covers: 'Mutation.userCreate',
    what: 'create an account',
    expect: '----A--',
    probe: async (send) =>
      !denied(
        await send('mutation { userCreate(input: { email: "bad", role: PARTICIPANT }) { userErrors { code } } }'),
      ),
  },
  {
    covers: 'Mutation.userUpdate',
    what: 'change an account',
    expect: '----A--',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { userUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.user,
        }),
      ),
  },
  {
    covers: 'Mutation.userPasswordReset',
    what: "reset another account's password (refused for its length, so nothing is written)",
    expect: '----A--',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { userPasswordReset(input: { id: $id, password: "x" }) { userErrors { code } } }',
          { id: f.user },
        ),
      ),
  },
  {
    covers: 'Mutation.coordinatorAssignmentsSet',
    what: "set a coordinator's seminars",
    expect: '----A--',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { coordinatorAssignmentsSet(input: { userId: $id, programIds: [], seminarIds: [] }) { userErrors { code } } }',
          {
            id: f.user,
          },
        ),
      ),
  },
  {
    covers: 'Mutation.organizationCreate',
    what: 'record an organization',
    expect: '---AA-A',
    probe: async (send) =>
      !denied(
        await send(
          'mutation { organizationCreate(input: { name: "", type: NGO, countryCode: "UZ" }) { userErrors { code } } }',
        ),
      ),
  },
  {
    covers: 'Mutation.organizationUpdate',
    what: 'change an organization',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { organizationUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.organization },
        ),
      ),
  },
  {
    covers: 'Mutation.organizationDelete',
    what: 'delete an organization',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { organizationDelete(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.organization },
        ),
      ),
  },
  {
    covers: 'Mutation.placeCreate',
    what: 'record a place (refused: no name)',
    expect: '---AA-A',
    probe: async (send) =>
      !denied(await send('mutation { placeCreate(input: { name: "", countryCode: "KR" }) { userErrors { code } } }')),
  },
  ...(['placeUpdate', 'placeDelete'] as const).map(
    (mutation): Row => ({
      covers: `Mutation.${mutation}`,
      what: `${mutation === 'placeUpdate' ? 'change' : 'delete'} a place (stale version)`,
      expect: '---AA-A',
      probe: async (send) => {
        const id = (await send('{ places(first: 1) { nodes { id } } }')).data.places.nodes[0].id;
        return !denied(
          await send(`mutation($id: ID!) { ${mutation}(input: { id: $id, version: -1 }) { userErrors { code } } }`, {
            id,
          }),
        );
      },
    }),
  ),
  {
    covers: 'Query.auditEvents',
    what: 'read the audit trail',
    expect: '----A--',
    probe: async (send) => ok(await send('{ auditEvents(first: 5) { totalCount } }')),
  },
  {
    covers: 'Mutation.seminarCreate',
    what: 'create a seminar (refused field by field, so nothing is written)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($p: ID!) { seminarCreate(input: { programId: $p, title: "", startDate: "2026-01-02", endDate: "2026-01-01", timezone: "Nowhere", countryCode: "XX" }) { userErrors { code } } }',
          { p: f.program },
        ),
      ),
  },
  {
    covers: 'Mutation.seminarUpdate',
    what: "change the coordinator's draft seminar (stale version)",
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { seminarUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.draftSeminar,
        }),
      ),
  },
  {
    covers: 'Mutation.seminarPublish',
    what: 'move the draft seminar (stale version)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { seminarPublish(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.draftSeminar,
        }),
      ),
  },
  {
    covers: 'Mutation.seminarStart',
    what: 'move the draft seminar (stale version)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { seminarStart(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.draftSeminar,
        }),
      ),
  },
  {
    covers: 'Mutation.seminarComplete',
    what: 'move the draft seminar (stale version)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { seminarComplete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.draftSeminar,
        }),
      ),
  },
  {
    covers: 'Mutation.seminarCancel',
    what: 'move the draft seminar (stale version)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { seminarCancel(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.draftSeminar,
        }),
      ),
  },
  {
    covers: 'Mutation.seminarDelete',
    what: 'delete the draft seminar (stale version; its own coordinator is not one of its programme)',
    expect: '----A-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { seminarDelete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.draftSeminar,
        }),
      ),
  },
  {
    covers: 'Mutation.sessionCreate',
    what: 'add an agenda item (refused field by field)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($s: ID!) { sessionCreate(input: { seminarId: $s, kind: LECTURE, title: "", startsAt: "2026-10-12T01:00:00Z", endsAt: "2026-10-12T00:00:00Z" }) { userErrors { code } } }',
          { s: f.draftSeminar },
        ),
      ),
  },
  {
    covers: 'Mutation.sessionUpdate',
    what: 'change an agenda item (stale version)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { sessionUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.session,
        }),
      ),
  },
  {
    covers: 'Mutation.sessionDelete',
    what: 'delete an agenda item (stale version)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { sessionDelete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.session,
        }),
      ),
  },
  {
    covers: 'Mutation.enrollmentApply',
    what: 'apply to the draft seminar (staff nominate; others find no such seminar)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($s: ID!) { enrollmentApply(input: { seminarId: $s }) { userErrors { code } } }', {
          s: f.draftSeminar,
        }),
      ),
  },
  {
    covers: 'Mutation.enrollmentsApply',
    what: 'nominate many to the draft seminar (an empty list, so nothing is written)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($s: ID!) { enrollmentsApply(input: { seminarId: $s, people: [] }) { userErrors { code } } }',
          {
            s: f.draftSeminar,
          },
        ),
      ),
  },
  {
    covers: 'Mutation.enrollmentsTransition',
    what: 'move many enrollments (one named twice, so nothing is written)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { enrollmentsTransition(input: { ids: [$id, $id], step: ACCEPT }) { userErrors { code } } }',
          { id: f.enrollment },
        ),
      ),
  },
  {
    covers: 'Mutation.enrollmentUpdate',
    what: 'change an enrollment’s terms (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { enrollmentUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.enrollment,
        }),
      ),
  },
  {
    covers: 'Mutation.enrollmentAccept',
    what: 'move an enrollment (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { enrollmentAccept(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.enrollment,
        }),
      ),
  },
  {
    covers: 'Mutation.enrollmentWaitlist',
    what: 'move an enrollment (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { enrollmentWaitlist(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.enrollment },
        ),
      ),
  },
  {
    covers: 'Mutation.enrollmentReject',
    what: 'move an enrollment (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { enrollmentReject(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.enrollment,
        }),
      ),
  },
  {
    covers: 'Mutation.enrollmentConfirm',
    what: 'move an enrollment (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { enrollmentConfirm(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.enrollment },
        ),
      ),
  },
  {
    covers: 'Mutation.enrollmentWithdraw',
    what: 'move an enrollment (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { enrollmentWithdraw(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.enrollment },
        ),
      ),
  },
  {
    covers: 'Mutation.enrollmentComplete',
    what: 'move an enrollment (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { enrollmentComplete(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.enrollment },
        ),
      ),
  },
  {
    covers: 'Mutation.enrollmentMarkNoShow',
    what: 'move an enrollment (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { enrollmentMarkNoShow(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.enrollment },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalCreate',
    what: 'start a proposal in the draft seminar (staff only: nobody else takes part)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($s: ID!) { proposalCreate(input: { seminarId: $s, title: "", memberIds: [] }) { userErrors { code } } }',
          { s: f.draftSeminar },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalUpdate',
    what: 'edit a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { proposalUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.teamProposal,
        }),
      ),
  },
  {
    covers: 'Mutation.proposalMemberAdd',
    what: 'add to a team (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!, $p: ID!) { proposalMemberAdd(input: { proposalId: $id, version: -1, personId: $p }) { userErrors { code } } }',
          { id: f.teamProposal, p: f.participantSelf },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalMemberRemove',
    what: 'take off a team (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!, $p: ID!) { proposalMemberRemove(input: { proposalId: $id, version: -1, personId: $p }) { userErrors { code } } }',
          { id: f.teamProposal, p: f.participantSelf },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalMemberRoleSet',
    what: 'hand over the lead (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!, $p: ID!) { proposalMemberRoleSet(input: { proposalId: $id, version: -1, personId: $p, role: LEAD }) { userErrors { code } } }',
          { id: f.teamProposal, p: f.participantSelf },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalDelete',
    what: 'delete a proposal (stale version; not a draft)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { proposalDelete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.teamProposal,
        }),
      ),
  },
  {
    covers: 'Mutation.proposalSubmit',
    what: 'move a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { proposalSubmit(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.teamProposal,
        }),
      ),
  },
  {
    covers: 'Mutation.proposalStartReview',
    what: 'move a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { proposalStartReview(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.teamProposal },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalRequestRevision',
    what: 'move a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { proposalRequestRevision(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.teamProposal },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalCommend',
    what: 'move a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { proposalCommend(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.teamProposal,
        }),
      ),
  },
  {
    covers: 'Mutation.proposalSelectForSupport',
    what: 'move a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { proposalSelectForSupport(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.teamProposal },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalDecline',
    what: 'move a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { proposalDecline(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.teamProposal,
        }),
      ),
  },
  {
    covers: 'Mutation.proposalStartImplementation',
    what: 'move a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { proposalStartImplementation(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.teamProposal },
        ),
      ),
  },
  {
    covers: 'Mutation.proposalComplete',
    what: 'move a proposal (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { proposalComplete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.teamProposal,
        }),
      ),
  },
  {
    covers: 'Mutation.milestoneCreate',
    what: 'plan a milestone (refused: no title; others find no such proposal)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($p: ID!) { milestoneCreate(input: { proposalId: $p, title: "", dueDate: "2027-01-01" }) { userErrors { code } } }',
          { p: f.supportedProposal },
        ),
      ),
  },
  {
    covers: 'Mutation.milestoneUpdate',
    what: 'change a milestone (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { milestoneUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.milestone,
        }),
      ),
  },
  {
    covers: 'Mutation.milestoneDelete',
    what: 'change a milestone (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { milestoneDelete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.milestone,
        }),
      ),
  },
  {
    covers: 'Mutation.milestoneStart',
    what: 'change a milestone (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { milestoneStart(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.milestone,
        }),
      ),
  },
  {
    covers: 'Mutation.milestoneComplete',
    what: 'change a milestone (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { milestoneComplete(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.milestone },
        ),
      ),
  },
  {
    covers: 'Mutation.milestoneMiss',
    what: 'change a milestone (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { milestoneMiss(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.milestone,
        }),
      ),
  },
  {
    covers: 'Mutation.progressReportCreate',
    what: 'schedule a progress report (refused: 0 months; others find no such proposal)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($p: ID!) { progressReportCreate(input: { proposalId: $p, monthsAfter: 0, dueDate: "2027-01-01" }) { userErrors { code } } }',
          { p: f.supportedProposal },
        ),
      ),
  },
  {
    covers: 'Mutation.progressReportUpdate',
    what: 'change a progress report (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { progressReportUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.progressReport },
        ),
      ),
  },
  {
    covers: 'Mutation.progressReportSubmit',
    what: 'change a progress report (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { progressReportSubmit(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.progressReport },
        ),
      ),
  },
  {
    covers: 'Mutation.progressReportReview',
    what: 'review a progress report (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { progressReportReview(input: { id: $id, version: -1, outcome: ACCEPTED }) { userErrors { code } } }',
          { id: f.progressReport },
        ),
      ),
  },
  {
    covers: 'Mutation.progressReportDelete',
    what: 'change a progress report (stale version)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { progressReportDelete(input: { id: $id, version: -1 }) { userErrors { code } } }',
          { id: f.progressReport },
        ),
      ),
  },
  {
    covers: 'Mutation.attendanceMark',
    what: 'record attendance (refused: no entries)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($s: ID!) { attendanceMark(input: { sessionId: $s, entries: [] }) { userErrors { code } } }',
          { s: f.session },
        ),
      ),
  },
  {
    covers: 'Mutation.feedbackGive',
    what: 'rate the published seminar (refused: rating 0)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($s: ID!) { feedbackGive(input: { seminarId: $s, rating: 0 }) { userErrors { code } } }', {
          s: f.publicSeminar,
        }),
      ),
  },
  {
    covers: 'Mutation.feedbackUpdate',
    what: 'change feedback (refused: rating 0; others find no such feedback)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($id: ID!) { feedbackUpdate(input: { id: $id, version: -1, rating: 0 }) { userErrors { code } } }',
          { id: f.feedback },
        ),
      ),
  },
  {
    covers: 'Mutation.feedbackDelete',
    what: 'delete feedback (stale version; others find no such feedback)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { feedbackDelete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.feedback,
        }),
      ),
  },
  {
    covers: 'Mutation.personCreate',
    what: 'record a person (refused: empty names)',
    expect: '---AA-A',
    probe: async (send) =>
      !denied(
        await send('mutation { personCreate(input: { givenName: "", familyName: "" }) { userErrors { code } } }'),
      ),
  },
  {
    covers: 'Mutation.personUpdate',
    what: "change a participant's record (stale version; others find no such person)",
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { personUpdate(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.participantSelf,
        }),
      ),
  },
  {
    covers: 'Mutation.personDelete',
    what: 'delete a person (stale version)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send('mutation($id: ID!) { personDelete(input: { id: $id, version: -1 }) { userErrors { code } } }', {
          id: f.otherParticipant,
        }),
      ),
  },
  {
    covers: 'Mutation.reviewAssign',
    what: 'assign a reviewer (refused: the person has no reviewer account)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($p: ID!, $r: ID!) { reviewAssign(input: { proposalId: $p, reviewerId: $r }) { userErrors { code } } }',
          {
            p: f.teamProposal,
            r: f.speaker,
          },
        ),
      ),
  },
  {
    covers: 'Mutation.reviewUnassign',
    what: 'take a reviewer off (nobody is assigned: nothing to do)',
    expect: '-AAAA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($p: ID!, $r: ID!) { reviewUnassign(input: { proposalId: $p, reviewerId: $r }) { userErrors { code } } }',
          { p: f.teamProposal, r: f.speaker },
        ),
      ),
  },
  {
    covers: 'Mutation.reviewUpdate',
    what: 'change one’s own review (refused: there is no such review)',
    expect: '--A----',
    probe: async (send) =>
      !denied(
        await send('mutation($id: ID!) { reviewUpdate(input: { id: $id, version: 1 }) { userErrors { code } } }', {
          id: toGlobalId('Review', '00000000-0000-7000-8000-000000000000'),
        }),
      ),
  },
  {
    covers: 'Mutation.reviewSubmit',
    what: 'submit a review (refused: no scores, proposal not under review)',
    expect: '--A----',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($p: ID!) { reviewSubmit(input: { proposalId: $p, recommendation: COMMEND, scores: [] }) { userErrors { code } } }',
          {
            p: f.teamProposal,
          },
        ),
      ),
  },
  {
    covers: 'Mutation.reviewCriterionCreate',
    what: 'add a review criterion (refused: no name; coordinators of other programmes find no such programme)',
    expect: '---AA-A',
    probe: async (send, f) =>
      !denied(
        await send(
          'mutation($p: ID!) { reviewCriterionCreate(input: { programId: $p, name: "" }) { userErrors { code } } }',
          { p: f.program },
        ),
      ),
  },
  ...(['reviewCriterionUpdate', 'reviewCriterionDelete'] as const).map(
    (mutation): Row => ({
      covers: `Mutation.${mutation}`,
      what: `${mutation === 'reviewCriterionUpdate' ? 'change' : 'delete'} a review criterion (stale version)`,
      expect: '---AA-A',
      probe: async (send, f) => {
        const { data } = await send('query($p: ID!) { program(id: $p) { reviewCriteria { id } } }', { p: f.program });
        return !denied(
          await send(`mutation($id: ID!) { ${mutation}(input: { id: $id, version: -1 }) { userErrors { code } } }`, {
            id: data.program.reviewCriteria[0].id,
          }),
        );
      },
    }),
  ),
  ...(['email', 'phone', 'sex', 'birthYear', 'nationality', 'sessionsAttended'] as const).flatMap((field): Row[] => [
    {
      covers: `Person.${field}`,
      what: `a participant's ${field}, as that participant`,
      expect: '-A--A--',
      probe: async (send, f) =>
        (await send(`query($id: ID!) { person(id: $id) { ${field} } }`, { id: f.participantSelf })).data.person?.[
          field
        ] != null,
    },
    {
      covers: `Person.${field}`,
      what: `the ${field} of a participant in the coordinator's seminar`,
      expect: '---AA--',
      probe: async (send, f) =>
        (await send(`query($id: ID!) { person(id: $id) { ${field} } }`, { id: f.draftParticipant })).data.person?.[
          field
        ] != null,
    },
  ]),
  ...(
    ['problem', 'objectives', 'implementingOrganization { id }', 'members { role }', 'decisions { kind }'] as const
  ).map(
    (selection): Row => ({
      covers: `Proposal.${selection.split(' ')[0]}`,
      what: `the ${selection.split(' ')[0]} of the supported proposal`,
      expect: '----AAA',
      probe: async (send, f) => {
        const value = (
          await send(`query($id: ID!) { proposal(id: $id) { ${selection} } }`, { id: f.supportedProposal })
        ).data.proposal?.[selection.split(' ')[0] as string];
        return Array.isArray(value) ? value.length > 0 : value != null;
      },
    }),
  ),
  {
    covers: 'Proposal.problem',
    what: 'the problem of the team’s own commended proposal',
    expect: '-AA-AAA',
    probe: async (send, f) =>
      (await send('query($id: ID!) { proposal(id: $id) { problem } }', { id: f.teamProposal })).data.proposal
        ?.problem != null,
  },
  {
    covers: 'Proposal.milestones',
    what: 'milestones of the supported proposal',
    expect: '----AAA',
    probe: async (send, f) =>
      ((await send('query($id: ID!) { proposal(id: $id) { milestones { totalCount } } }', { id: f.supportedProposal }))
        .data.proposal?.milestones.totalCount ?? 0) > 0,
  },
  {
    covers: 'Query.node',
    what: 'one of the milestones of the supported proposal through node(id:)',
    expect: '----AAA',
    probe: async (send, f) =>
      Boolean((await send('query($id: ID!) { node(id: $id) { id } }', { id: f.milestone })).data.node),
  },
  {
    covers: 'Query.milestones',
    what: 'the supported proposal’s milestone in the follow-up list',
    expect: '----AAA',
    probe: async (send, f) =>
      idsOf((await send('{ milestones(first: 50) { nodes { id } } }')).data.milestones).includes(f.milestone),
  },
  {
    covers: 'Query.progressReports',
    what: 'the supported proposal’s progress report in the follow-up list',
    expect: '----AAA',
    probe: async (send, f) =>
      idsOf((await send('{ progressReports(first: 50) { nodes { id } } }')).data.progressReports).includes(
        f.progressReport,
      ),
  },
  {
    covers: 'Proposal.teamCandidates',
    what: 'people who may join the supported proposal’s team (the coordinator here runs another seminar)',
    expect: '----AAA',
    probe: async (send, f) =>
      ((
        await send('query($id: ID!) { proposal(id: $id) { teamCandidates { personId } } }', { id: f.supportedProposal })
      ).data.proposal?.teamCandidates.length ?? 0) > 0,
  },
  {
    covers: 'Proposal.progressReports',
    what: 'progressReports of the supported proposal',
    expect: '----AAA',
    probe: async (send, f) =>
      ((
        await send('query($id: ID!) { proposal(id: $id) { progressReports { totalCount } } }', {
          id: f.supportedProposal,
        })
      ).data.proposal?.progressReports.totalCount ?? 0) > 0,
  },
  {
    covers: 'Query.node',
    what: 'one of the progressReports of the supported proposal through node(id:)',
    expect: '----AAA',
    probe: async (send, f) =>
      Boolean((await send('query($id: ID!) { node(id: $id) { id } }', { id: f.progressReport })).data.node),
  },
  {
    covers: 'Seminar.enrollments',
    what: "another participant's enrollment in the published seminar",
    expect: '----AAA',
    probe: async (send, f) => {
      const { data } = await send(
        'query($id: ID!) { seminar(id: $id) { enrollments(first: 100) { nodes { person { id } } } } }',
        {
          id: f.publicSeminar,
        },
      );
      return (data.seminar?.enrollments.nodes ?? []).some((node: any) => node.person.id === f.otherParticipant);
    },
  },
  {
    covers: 'Seminar.enrollments',
    what: 'enrollments of the coordinator’s draft seminar',
    expect: '---AAAA',
    probe: async (send, f) => {
      const { data } = await send('query($id: ID!) { seminar(id: $id) { enrollments(first: 10) { totalCount } } }', {
        id: f.draftSeminar,
      });
      return (data.seminar?.enrollments.totalCount ?? 0) > 0;
    },
  },
  {
    covers: 'Proposal.reviews',
    what: 'reviews of the team’s commended proposal',
    expect: '--A-AAA',
    probe: async (send, f) => {
      const { data } = await send('query($id: ID!) { proposal(id: $id) { reviews(first: 10) { totalCount } } }', {
        id: f.teamProposal,
      });
      return (data.proposal?.reviews.totalCount ?? 0) > 0;
    },
  },
];

let api: TestApi;
let fixtures: Fixtures;
const senders = new Map<Role, Send>();
const logoutSenders = new Map<Role, Send>();

beforeAll(async () => {
  api = await startTestApi();
  const { prisma } = api.db;
  const seminar = await prisma.seminar.findUniqueOrThrow({ where: { id: EXAMPLE_SEMINAR_ID } });
  const proposals = await prisma.proposal.findMany({
    where: { seminarId: seminar.id },
    include: { members: true, reviewAssignments: true },
    orderBy: { title: 'asc' },
  });
  const supported = proposals.find((proposal) => proposal.status === 'SELECTED_FOR_SUPPORT');
  const team = proposals.find((proposal) => proposal.status === 'COMMENDED');
  const other = proposals.find((proposal) => proposal.status === 'COMMENDED' && proposal.id !== team?.id);
  if (!supported || !team || !other)
    throw new Error('the seed changed: expected one supported and two commended proposals');
  const participant = team.members[0]?.personId as string;
  const reviewerPerson = team.reviewAssignments.find(
    (assignment) => !other.reviewAssignments.some((o) => o.reviewerId === assignment.reviewerId),
  )?.reviewerId as string;
  const speakers = await prisma.sessionSpeaker.findMany({ where: { session: { seminarId: seminar.id } } });
  // Someone on another team who does not speak: speakers' profiles are public.
  const otherParticipant = other.members.find(
    (member) =>
      !team.members.some((m) => m.personId === member.personId) &&
      !speakers.some((s) => s.personId === member.personId),
  )?.personId as string;
  const speaker = speakers.find((s) => s.role === 'SPEAKER')?.personId as string;
  if (!participant || !reviewerPerson || !otherParticipant || !speaker)
    throw new Error('the seed changed: fixtures not found');
  // The seed follows no proposal up yet: a milestone and a report of the supported one.
  const dueDate = new Date('2027-01-15');
  const milestone = await prisma.milestone.create({ data: { proposalId: supported.id, title: 'Pilot', dueDate } });
  const report = await prisma.progressReport.create({ data: { proposalId: supported.id, monthsAfter: 3, dueDate } });
  const personal = {
    email: 'self@example.org',
    phone: '+998 71 111 11 11',
    sex: 'MALE' as const,
    birthYear: 1988,
    nationality: 'UZ',
  };
  await prisma.person.update({ where: { id: participant }, data: personal });

  // A draft seminar in the same programme, with one participant, for its coordinator.
  const draft = await prisma.seminar.create({
    data: {
      programId: seminar.programId,
      title: 'Draft cohort 2026',
      startDate: new Date('2026-10-11'),
      endDate: new Date('2026-10-24'),
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
      status: 'DRAFT',
    },
  });
  const draftPerson = await prisma.person.create({
    data: { givenName: 'Draft', familyName: 'Participant', ...personal, email: 'draft@example.org' },
  });
  await prisma.enrollment.create({ data: { seminarId: draft.id, personId: draftPerson.id } });
  await prisma.session.create({
    data: {
      seminarId: draft.id,
      kind: 'LECTURE',
      title: 'Draft lecture',
      startsAt: new Date('2026-10-12T01:00:00Z'),
      endsAt: new Date('2026-10-12T02:30:00Z'),
    },
  });

  const admin = await api.as('ADMIN');
  const actors = {
    participant: await api.as('PARTICIPANT', { personId: participant }),
    reviewer: await api.as('REVIEWER', { personId: reviewerPerson }),
    coordinator: await api.as('COORDINATOR', { seminarIds: [draft.id] }),
    admin,
  };
  const key = async (scope: 'READ' | 'READ_WRITE') =>
    (
      await admin.graphql(
        'mutation($s: ApiKeyScope!) { apiKeyCreate(input: { name: "matrix", scope: $s }) { secret apiKey { id } } }',
        { s: scope },
      )
    ).data.apiKeyCreate;
  const readKey = await key('READ');
  const writeKey = await key('READ_WRITE');
  const revocable = await key('READ');

  const withBearer =
    (token: string): Send =>
    (query, variables) =>
      api.graphql(query, variables, { authorization: `Bearer ${token}` });
  senders.set('anonymous', (query, variables) => api.graphql(query, variables));
  for (const [role, actor] of Object.entries(actors)) senders.set(role as Role, actor.graphql);
  senders.set('readKey', withBearer(readKey.secret));
  senders.set('writeKey', withBearer(writeKey.secret));
  for (const role of ['participant', 'reviewer', 'coordinator', 'admin'] as const) {
    // Signing out ends a session: each role signs out with a spare account, not the one probing.
    const spare = await api.as(role.toUpperCase() as 'ADMIN');
    logoutSenders.set(role, spare.graphql);
  }
  logoutSenders.set('anonymous', senders.get('anonymous') as Send);
  logoutSenders.set('readKey', senders.get('readKey') as Send);
  logoutSenders.set('writeKey', senders.get('writeKey') as Send);

  fixtures = {
    draftSeminar: toGlobalId('Seminar', draft.id),
    publicSeminar: toGlobalId('Seminar', seminar.id),
    teamProposal: toGlobalId('Proposal', team.id),
    supportedProposal: toGlobalId('Proposal', supported.id),
    speaker: toGlobalId('Person', speaker),
    participantSelf: toGlobalId('Person', participant),
    otherParticipant: toGlobalId('Person', otherParticipant),
    draftParticipant: toGlobalId('Person', draftPerson.id),
    user: toGlobalId('User', admin.userId),
    apiKey: revocable.apiKey.id,
    organization: toGlobalId('Organization', seminar.partnerId as string),
    program: toGlobalId('Program', seminar.programId),
    enrollment: toGlobalId(
      'Enrollment',
      (await prisma.enrollment.findFirstOrThrow({ where: { seminarId: seminar.id } })).id,
    ),
    feedback: toGlobalId('Feedback', (await prisma.feedback.findFirstOrThrow({ where: { seminarId: seminar.id } })).id),
    milestone: toGlobalId('Milestone', milestone.id),
    progressReport: toGlobalId('ProgressReport', report.id),
    session: toGlobalId('Session', (await prisma.session.findFirstOrThrow({ where: { seminarId: seminar.id } })).id),
  };
}, 120_000);
afterAll(() => api?.close());

describe('authorization matrix', () => {
  for (const row of MATRIX) {
    it(`${row.covers}: ${row.what} — ${row.expect}`, async () => {
      const outcome: Record<string, string> = {};
      for (const [index, role] of ROLES.entries()) {
        const send = (row.covers === 'Mutation.logout' ? logoutSenders : senders).get(role) as Send;
        const allowed =
          row.covers === 'Mutation.logout'
            ? !denied(await send('mutation { logout { revoked } }'))
            : await row.probe(send, fixtures);
        outcome[role] = allowed ? 'A' : '-';
        expect.soft(`${role}: ${outcome[role]}`).toBe(`${role}: ${row.expect[index]}`);
      }
    });
  }

  it('has a row for every query, mutation and sensitive field of the schema', async () => {
    const schema = await getSchema();
    const covered = new Set(MATRIX.map((row) => row.covers));
    const required: string[] = [];
    for (const [typeName, prefix] of [
      ['Query', 'Query'],
      ['Mutation', 'Mutation'],
    ] as const) {
      const type = schema.getType(typeName);
      if (isObjectType(type)) required.push(...Object.keys(type.getFields()).map((name) => `${prefix}.${name}`));
    }
    // Fields whose descriptions mark them as restricted must have rows too.
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (/Personal: see|A detail: see/.test(field.description ?? '')) required.push(`${type.name}.${field.name}`);
      }
    }
    required.push('Seminar.enrollments', 'Proposal.reviews');
    expect(required.filter((operation) => !covered.has(operation))).toEqual([]);
  });
});
