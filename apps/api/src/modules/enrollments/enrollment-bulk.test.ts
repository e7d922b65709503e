import { randomUUID } from 'node:crypto';
import { EXAMPLE_PROGRAM_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalId, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;

const APPLY_MANY = `mutation($input: EnrollmentsApplyInput!) {
  enrollmentsApply(input: $input) {
    results { personId enrollment { id status role person { fullName } organization { name } } userErrors { field code message } }
    userErrors { field code message }
  }
}`;
const TRANSITION = `mutation($input: EnrollmentsTransitionInput!) {
  enrollmentsTransition(input: $input) {
    results { id enrollment { id status version } promoted { id status } userErrors { field code message } }
    userErrors { field code message }
  }
}`;

let counter = 0;
async function seminar(capacity: number | null, status: 'DRAFT' | 'PUBLISHED' = 'PUBLISHED') {
  const row = await api.db.prisma.seminar.create({
    data: {
      programId: EXAMPLE_PROGRAM_ID,
      title: `Bulk cohort ${++counter}`,
      startDate: new Date('2026-10-11'),
      endDate: new Date('2026-10-24'),
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
      capacity,
      status,
    },
  });
  return { id: row.id, globalId: toGlobalId('Seminar', row.id) };
}

async function people(count: number) {
  const rows = [];
  for (let index = 0; index < count; index++) {
    rows.push(await api.db.prisma.person.create({ data: { givenName: `Trainee${++counter}`, familyName: 'Bulk' } }));
  }
  return rows.map((row) => ({ ...row, globalId: toGlobalId('Person', row.id) }));
}

async function enroll(seminarId: string, count: number) {
  const { data } = await coordinator.graphql(APPLY_MANY, {
    input: { seminarId, people: (await people(count)).map((person) => ({ personId: person.globalId })) },
  });
  return data.enrollmentsApply.results.map((result: any) => result.enrollment.id as string);
}

const transition = (actor: Actor, ids: string[], step: string) =>
  actor.graphql(TRANSITION, { input: { ids, step } }).then((response) => response.data.enrollmentsTransition);

const statuses = (seminarId: string) =>
  api.db.prisma.enrollment
    .groupBy({ by: ['status'], where: { seminarId }, _count: true })
    .then((groups) => Object.fromEntries(groups.map((group) => [group.status, group._count])));

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] });
});
afterAll(() => api?.close());

describe('enrollmentsApply', () => {
  it('enrolls many people at once, with their terms, and refuses per person one already enrolled', async () => {
    const cohort = await seminar(30, 'DRAFT');
    const [first, second, third] = await people(3);
    const organization = await api.db.prisma.organization.findFirstOrThrow({ orderBy: { name: 'asc' } });
    const once = await coordinator.graphql(APPLY_MANY, {
      input: {
        seminarId: cohort.globalId,
        people: [
          { personId: first!.globalId, role: 'TEAM_LEAD', organizationId: toGlobalId('Organization', organization.id) },
          { personId: second!.globalId },
        ],
      },
    });
    expect(once.data.enrollmentsApply.userErrors).toEqual([]);
    expect(once.data.enrollmentsApply.results).toEqual([
      {
        personId: first!.globalId,
        enrollment: expect.objectContaining({
          status: 'APPLIED',
          role: 'TEAM_LEAD',
          organization: { name: organization.name },
        }),
        userErrors: [],
      },
      {
        personId: second!.globalId,
        enrollment: expect.objectContaining({ status: 'APPLIED', role: 'PARTICIPANT', organization: null }),
        userErrors: [],
      },
    ]);

    // The second call names one person already enrolled: that row is refused, the new one is enrolled.
    const again = await coordinator.graphql(APPLY_MANY, {
      input: { seminarId: cohort.globalId, people: [{ personId: third!.globalId }, { personId: second!.globalId }] },
    });
    const [added, refused] = again.data.enrollmentsApply.results;
    expect(added).toMatchObject({ enrollment: { status: 'APPLIED' }, userErrors: [] });
    expect(refused).toEqual({
      personId: second!.globalId,
      enrollment: null,
      userErrors: [
        {
          code: 'CONFLICT',
          field: ['input', 'people', '1', 'personId'],
          message: 'This person is already enrolled (applied).',
        },
      ],
    });
    expect(await statuses(cohort.id)).toEqual({ APPLIED: 3 });
    expect(
      await api.db.prisma.auditEvent.count({
        where: {
          action: 'enrollment.apply',
          entityId: {
            in: (await api.db.prisma.enrollment.findMany({ where: { seminarId: cohort.id } })).map((e) => e.id),
          },
        },
      }),
    ).toBe(3);
  });

  it('refuses the whole call, writing nothing, for a seminar closed to applications, an empty list or a person named twice', async () => {
    const closed = await seminar(10, 'PUBLISHED');
    await api.db.prisma.seminar.update({ where: { id: closed.id }, data: { status: 'COMPLETED' } });
    const [person] = await people(1);
    const one = [{ personId: person!.globalId }];
    const completed = await coordinator.graphql(APPLY_MANY, { input: { seminarId: closed.globalId, people: one } });
    expect(completed.data.enrollmentsApply).toEqual({
      results: [],
      userErrors: [expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'seminarId'] })],
    });
    const open = await seminar(10);
    const empty = await coordinator.graphql(APPLY_MANY, { input: { seminarId: open.globalId, people: [] } });
    expect(empty.data.enrollmentsApply.userErrors).toEqual([
      { code: 'INVALID', field: ['input', 'people'], message: 'Name at least one person.' },
    ]);
    const twice = await coordinator.graphql(APPLY_MANY, {
      input: { seminarId: open.globalId, people: [...one, ...one] },
    });
    expect(twice.data.enrollmentsApply.userErrors).toEqual([
      { code: 'INVALID', field: ['input', 'people', '1'], message: 'This person appears twice.' },
    ]);
    expect(await api.db.prisma.enrollment.count({ where: { seminarId: { in: [closed.id, open.id] } } })).toBe(0);
  });

  it('lets a participant enroll only themself: the others are refused row by row', async () => {
    const cohort = await seminar(10);
    const [self, other] = await people(2);
    const participant = await api.as('PARTICIPANT', { personId: self!.id });
    const { data } = await participant.graphql(APPLY_MANY, {
      input: { seminarId: cohort.globalId, people: [{ personId: self!.globalId }, { personId: other!.globalId }] },
    });
    expect(data.enrollmentsApply.results.map((result: any) => result.userErrors.map((e: any) => e.code))).toEqual([
      [],
      ['INVALID'],
    ]);
    expect(await statuses(cohort.id)).toEqual({ APPLIED: 1 });
  });
});

describe('enrollmentsTransition', () => {
  it('accepts exactly as many as there are places, in the order sent, and refuses the rest per row', async () => {
    const cohort = await seminar(10);
    const ids = await enroll(cohort.globalId, 12);
    const answer = await transition(coordinator, ids, 'ACCEPT');
    expect(answer.userErrors).toEqual([]);
    expect(answer.results.map((result: any) => result.id)).toEqual(ids);
    expect(answer.results.slice(0, 10).map((result: any) => result.enrollment.status)).toEqual(
      Array(10).fill('ACCEPTED'),
    );
    for (const [offset, result] of answer.results.slice(10).entries()) {
      expect(result).toEqual({
        id: ids[10 + offset],
        enrollment: null,
        promoted: null,
        userErrors: [
          {
            code: 'INVALID',
            field: ['input', 'ids', String(10 + offset)],
            message: 'The seminar is full (10 places). Put the application on the waiting list instead.',
          },
        ],
      });
    }
    expect(await statuses(cohort.id)).toEqual({ ACCEPTED: 10, APPLIED: 2 });
    // Each accepted row is audited as the single step is; the refused ones leave no trace.
    expect(
      await api.db.prisma.auditEvent.count({ where: { action: 'enrollment.accept', entityId: { in: ids.map(idOf) } } }),
    ).toBe(10);

    // The refused two go on the waiting list in one more call, in order.
    const waitlisted = await transition(coordinator, ids.slice(10), 'WAITLIST');
    expect(waitlisted.results.map((result: any) => result.enrollment.status)).toEqual(['WAITLISTED', 'WAITLISTED']);
  });

  it('gives 10 places to exactly 10 of 12 when two bulk accepts race', async () => {
    const cohort = await seminar(10);
    const ids = await enroll(cohort.globalId, 12);
    const [left, right] = await Promise.all([
      transition(coordinator, ids.slice(0, 6), 'ACCEPT'),
      transition(coordinator, ids.slice(6), 'ACCEPT'),
    ]);
    const results = [...left.results, ...right.results];
    expect(results.filter((result: any) => result.userErrors.length === 0)).toHaveLength(10);
    expect(
      results.filter((result: any) => result.userErrors[0]?.message.startsWith('The seminar is full')),
    ).toHaveLength(2);
    expect(await statuses(cohort.id)).toEqual({ ACCEPTED: 10, APPLIED: 2 });
  });

  it('moves the rows that can take the step and leaves the others as they were', async () => {
    const cohort = await seminar(null);
    const ids = await enroll(cohort.globalId, 3);
    await transition(coordinator, ids.slice(0, 2), 'ACCEPT');
    const confirmed = await transition(coordinator, ids, 'CONFIRM');
    expect(confirmed.results.map((result: any) => result.enrollment?.status ?? result.userErrors[0].code)).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'INVALID_TRANSITION',
    ]);
    expect(confirmed.results[2].userErrors[0]).toMatchObject({
      field: ['input', 'ids', '2'],
      message: 'The enrollment is applied: "confirm" needs it to be accepted.',
    });
    // Sent again, the step is refused for the rows that already took it, and changes nothing.
    const repeated = await transition(coordinator, ids.slice(0, 2), 'CONFIRM');
    expect(repeated.results.map((result: any) => result.userErrors[0].code)).toEqual([
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
    ]);
    expect(await statuses(cohort.id)).toEqual({ CONFIRMED: 2, APPLIED: 1 });
  });

  it('frees places per row and offers each to the first on the waiting list', async () => {
    const cohort = await seminar(1);
    const ids = await enroll(cohort.globalId, 3);
    await transition(coordinator, ids.slice(0, 1), 'ACCEPT');
    await transition(coordinator, ids.slice(1), 'WAITLIST');
    const withdrawn = await transition(coordinator, ids.slice(0, 2), 'WITHDRAW');
    // The first withdrawal frees the place for the second, who is then withdrawn too, freeing it for the third.
    expect(withdrawn.results.map((result: any) => [result.enrollment.status, result.promoted?.id ?? null])).toEqual([
      ['WITHDRAWN', ids[1]],
      ['WITHDRAWN', ids[2]],
    ]);
    expect(await statuses(cohort.id)).toEqual({ WITHDRAWN: 2, ACCEPTED: 1 });
  });

  it('holds who may act per row: a participant’s staff step and others’ enrollments look missing', async () => {
    const cohort = await seminar(null);
    const [self] = await people(1);
    const participant = await api.as('PARTICIPANT', { personId: self!.id });
    const own = (
      await coordinator.graphql(APPLY_MANY, {
        input: { seminarId: cohort.globalId, people: [{ personId: self!.globalId }] },
      })
    ).data.enrollmentsApply.results[0].enrollment.id;
    const [other] = await enroll(cohort.globalId, 1);
    const accept = await transition(participant, [own], 'ACCEPT');
    expect(accept.results[0].userErrors[0].code).toBe('NOT_FOUND');
    const withdraw = await transition(participant, [own, other!], 'WITHDRAW');
    expect(withdraw.results.map((result: any) => result.enrollment?.status ?? result.userErrors[0].code)).toEqual([
      'WITHDRAWN',
      'NOT_FOUND',
    ]);
    const outsider = await api.as('COORDINATOR', { programIds: [] });
    expect((await transition(outsider, [other!], 'REJECT')).results[0].userErrors[0].code).toBe('NOT_FOUND');
    expect(await statuses(cohort.id)).toEqual({ WITHDRAWN: 1, APPLIED: 1 });
  });

  it('refuses the whole call for no enrollments, one named twice, or too many; and a malformed ID as bad input', async () => {
    const cohort = await seminar(null);
    const [id] = await enroll(cohort.globalId, 1);
    expect((await transition(coordinator, [], 'ACCEPT')).userErrors[0]).toMatchObject({ field: ['input', 'ids'] });
    expect((await transition(coordinator, [id!, id!], 'ACCEPT')).userErrors[0]).toEqual({
      code: 'INVALID',
      field: ['input', 'ids', '1'],
      message: 'This enrollment appears twice.',
    });
    const many = Array.from({ length: 101 }, () => toGlobalId('Enrollment', randomUUID()));
    expect((await transition(coordinator, many, 'ACCEPT')).userErrors[0].message).toBe(
      'Send at most 100 enrollments at once.',
    );
    const malformed = await coordinator.graphql(TRANSITION, { input: { ids: [id, 'nonsense'], step: 'ACCEPT' } });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await statuses(cohort.id)).toEqual({ APPLIED: 1 });
  });
});

const idOf = (globalId: string) => fromGlobalId(globalId).id;
