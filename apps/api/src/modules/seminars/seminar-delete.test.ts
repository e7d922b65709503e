import { EXAMPLE_PROGRAM_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let admin: Actor;

const CREATE =
  'mutation($input: SeminarCreateInput!) { seminarCreate(input: $input) { seminar { id } userErrors { field code message } } }';
const DELETE =
  'mutation($input: SeminarDeleteInput!) { seminarDelete(input: $input) { deletedId userErrors { field code message } } }';

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] });
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

async function draft() {
  const { data } = await coordinator.graphql(CREATE, {
    input: {
      programId: toGlobalId('Program', EXAMPLE_PROGRAM_ID),
      title: 'Cohort made by mistake',
      startDate: '2026-10-11',
      endDate: '2026-10-24',
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
    },
  });
  expect(data.seminarCreate.userErrors).toEqual([]);
  const id = data.seminarCreate.seminar.id as string;
  return { id, dbId: fromGlobalIdOf('Seminar', id) };
}

const counts = async () => ({
  seminars: await api.db.prisma.seminar.count(),
  audit: await api.db.prisma.auditEvent.count(),
});

describe('deleting a seminar', () => {
  it('removes an empty DRAFT, with an audit event', async () => {
    const seminar = await draft();
    const { data } = await coordinator.graphql(DELETE, { input: { id: seminar.id, version: 1 } });
    expect(data.seminarDelete).toEqual({ deletedId: seminar.id, userErrors: [] });
    expect(
      (await admin.graphql('query($id: ID!) { seminar(id: $id) { id } }', { id: seminar.id })).data.seminar,
    ).toBeNull();
    const audit = await admin.graphql(
      'query($id: ID!) { auditEvents(first: 5, filter: { entityId: $id }) { nodes { action before after } } }',
      { id: seminar.id },
    );
    expect(audit.data.auditEvents.nodes.map((event: { action: string }) => event.action)).toEqual([
      'seminar.delete',
      'seminar.create',
    ]);
    expect(audit.data.auditEvents.nodes[0]).toMatchObject({
      before: expect.objectContaining({ title: 'Cohort made by mistake', status: 'DRAFT' }),
      after: null,
    });
  });

  it('refuses a DRAFT with sessions, enrollments, proposals or feedback with IN_USE', async () => {
    const { prisma } = api.db;
    const someone = await prisma.person.create({ data: { givenName: 'Nodira', familyName: 'Karimova' } });
    const uses: [RegExp, (seminarId: string) => Promise<unknown>][] = [
      [
        /1 sessions/,
        (seminarId) =>
          prisma.session.create({
            data: {
              seminarId,
              kind: 'LECTURE',
              title: 'Opening lecture',
              startsAt: new Date('2026-10-12T00:00:00Z'),
              endsAt: new Date('2026-10-12T01:00:00Z'),
            },
          }),
      ],
      [/1 enrollments/, (seminarId) => prisma.enrollment.create({ data: { seminarId, personId: someone.id } })],
      [/1 proposals/, (seminarId) => prisma.proposal.create({ data: { seminarId, title: 'Early idea' } })],
      [
        /1 enrollments, 1 feedback/,
        async (seminarId) => {
          const enrollment = await prisma.enrollment.create({ data: { seminarId, personId: someone.id } });
          await prisma.feedback.create({ data: { seminarId, enrollmentId: enrollment.id, rating: 4 } });
        },
      ],
    ];
    for (const [message, use] of uses) {
      const seminar = await draft();
      await use(seminar.dbId);
      const before = await counts();
      const { data } = await coordinator.graphql(DELETE, { input: { id: seminar.id, version: 1 } });
      expect(data.seminarDelete).toEqual({
        deletedId: null,
        userErrors: [{ field: ['input', 'id'], code: 'IN_USE', message: expect.stringMatching(message) }],
      });
      expect(data.seminarDelete.userErrors[0].message).toMatch(/seminarCancel/);
      expect(await counts()).toEqual(before);
    }
  });

  it('refuses a seminar past DRAFT, and a stale version', async () => {
    const seminar = await draft();
    await coordinator.graphql(
      'mutation($id: ID!) { seminarPublish(input: { id: $id, version: 1 }) { userErrors { code } } }',
      {
        id: seminar.id,
      },
    );
    const before = await counts();
    const stale = await coordinator.graphql(DELETE, { input: { id: seminar.id, version: 1 } });
    expect(stale.data.seminarDelete.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    const published = await coordinator.graphql(DELETE, { input: { id: seminar.id, version: 2 } });
    expect(published.data.seminarDelete.userErrors).toEqual([
      {
        field: ['input', 'id'],
        code: 'INVALID_TRANSITION',
        message: 'The seminar is published: only a draft is deleted. Call it off with seminarCancel instead.',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('is for administrators and coordinators of its programme only', async () => {
    const seminar = await draft();
    const before = await counts();
    const participant = await api.as('PARTICIPANT');
    const asParticipant = await participant.graphql(DELETE, { input: { id: seminar.id, version: 1 } });
    expect(asParticipant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const otherProgramme = await api.db.prisma.program.create({
      data: {
        code: 'OTHER',
        title: 'Another programme',
        funderId: (await api.db.prisma.organization.findFirstOrThrow()).id,
        implementerId: (await api.db.prisma.organization.findFirstOrThrow()).id,
      },
    });
    const elsewhere = await api.as('COORDINATOR', { programIds: [otherProgramme.id] });
    const fromElsewhere = await elsewhere.graphql(DELETE, { input: { id: seminar.id, version: 1 } });
    expect(fromElsewhere.data.seminarDelete.userErrors).toEqual([
      { field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such seminar.' },
    ]);

    const ofTheSeminar = await api.as('COORDINATOR', { seminarIds: [seminar.dbId] });
    const asSeminarCoordinator = await ofTheSeminar.graphql(DELETE, { input: { id: seminar.id, version: 1 } });
    expect(asSeminarCoordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);

    const byAdmin = await admin.graphql(DELETE, { input: { id: seminar.id, version: 1 } });
    expect(byAdmin.data.seminarDelete.deletedId).toBe(seminar.id);
  });
});
