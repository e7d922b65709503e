import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let admin: Actor;

const DELETE =
  'mutation($input: PersonDeleteInput!) { personDelete(input: $input) { deletedId userErrors { field code message } } }';

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

let people = 0;
async function person() {
  const row = await api.db.prisma.person.create({ data: { givenName: 'Temporary', familyName: `Person ${++people}` } });
  return { ...row, globalId: toGlobalId('Person', row.id) };
}

const counts = async () => ({
  people: await api.db.prisma.person.count(),
  audit: await api.db.prisma.auditEvent.count(),
});

describe('deleting a person', () => {
  it('removes a person recorded by mistake, with an audit event', async () => {
    const mistake = await person();
    const { data } = await coordinator.graphql(DELETE, { input: { id: mistake.globalId, version: 1 } });
    expect(data.personDelete).toEqual({ deletedId: mistake.globalId, userErrors: [] });
    expect(await api.db.prisma.person.findUnique({ where: { id: mistake.id } })).toBeNull();
    const audit = await admin.graphql(
      'query($id: ID!) { auditEvents(first: 5, filter: { entityId: $id }) { nodes { action entityType before after } } }',
      { id: mistake.globalId },
    );
    expect(audit.data.auditEvents.nodes).toEqual([
      {
        action: 'person.delete',
        entityType: 'Person',
        before: expect.objectContaining({ familyName: mistake.familyName }),
        after: null,
      },
    ]);
  });

  it('is refused with IN_USE for anyone who is part of the history', async () => {
    const { prisma } = api.db;
    const session = await prisma.session.findFirstOrThrow({ where: { seminarId: EXAMPLE_SEMINAR_ID } });
    const proposal = await prisma.proposal.findFirstOrThrow({ where: { seminarId: EXAMPLE_SEMINAR_ID } });
    const uses: [string, (personId: string) => Promise<unknown>][] = [
      ['speaker role', (personId) => prisma.sessionSpeaker.create({ data: { sessionId: session.id, personId } })],
      ['enrollment', (personId) => prisma.enrollment.create({ data: { seminarId: EXAMPLE_SEMINAR_ID, personId } })],
      ['proposal team', (personId) => prisma.proposalMember.create({ data: { proposalId: proposal.id, personId } })],
      [
        'review\\(s\\)',
        (personId) =>
          prisma.review.create({ data: { proposalId: proposal.id, reviewerId: personId, recommendation: 'COMMEND' } }),
      ],
      [
        'review assignment',
        (personId) => prisma.reviewAssignment.create({ data: { proposalId: proposal.id, reviewerId: personId } }),
      ],
      ['a user account', (personId) => api.as('PARTICIPANT', { personId })],
    ];
    for (const [what, use] of uses) {
      const someone = await person();
      await use(someone.id);
      const before = await counts();
      const { data } = await coordinator.graphql(DELETE, { input: { id: someone.globalId, version: 1 } });
      expect(data.personDelete, what).toEqual({
        deletedId: null,
        userErrors: [
          {
            field: ['input', 'id'],
            code: 'IN_USE',
            message: expect.stringMatching(new RegExp(`^The person has (1 )?${what}.*would lose that history`)),
          },
        ],
      });
      expect(await counts(), what).toEqual(before);
    }
  });

  it('refuses a stale version with CONFLICT', async () => {
    const someone = await person();
    await coordinator.graphql(
      'mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { userErrors { code } } }',
      { input: { id: someone.globalId, version: 1, jobTitle: 'Analyst' } },
    );
    const { data } = await coordinator.graphql(DELETE, { input: { id: someone.globalId, version: 1 } });
    expect(data.personDelete.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    expect(await api.db.prisma.person.findUnique({ where: { id: someone.id } })).not.toBeNull();
  });

  it('is not for participants, reviewers or anonymous callers', async () => {
    const someone = await person();
    for (const role of ['PARTICIPANT', 'REVIEWER'] as const) {
      const actor = await api.as(role);
      const response = await actor.graphql(DELETE, { input: { id: someone.globalId, version: 1 } });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await api.graphql(DELETE, { input: { id: someone.globalId, version: 1 } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await api.db.prisma.person.findUnique({ where: { id: someone.id } })).not.toBeNull();
  });
});
