import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let participant: Actor;
let enrollment: { id: string; version: number };
let organization: string;

const UPDATE = `mutation($input: EnrollmentUpdateInput!) { enrollmentUpdate(input: $input) {
  enrollment { id role version organization { id } } userErrors { field code message } } }`;
const update = async (actor: Actor, fields: Record<string, unknown>, version = enrollment.version) =>
  (await actor.graphql(UPDATE, { input: { id: enrollment.id, version, ...fields } })).data.enrollmentUpdate;
const written = async () =>
  JSON.stringify([
    await api.db.prisma.enrollment.findUniqueOrThrow({ where: { id: fromGlobalIdOf('Enrollment', enrollment.id) } }),
    await api.db.prisma.auditEvent.count(),
  ]);

beforeAll(async () => {
  api = await startTestApi();
  const row = await api.db.prisma.enrollment.findFirstOrThrow({
    where: { seminarId: EXAMPLE_SEMINAR_ID },
    orderBy: { id: 'asc' },
  });
  enrollment = { id: toGlobalId('Enrollment', row.id), version: row.version };
  participant = await api.as('PARTICIPANT', { personId: row.personId });
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
  const other = await api.db.prisma.organization.create({
    data: { name: 'Ministry of Digital Technologies', type: 'MINISTRY', countryCode: 'UZ' },
  });
  organization = toGlobalId('Organization', other.id);
});
afterAll(() => api?.close());

describe('enrollmentUpdate', () => {
  it('lets staff change the role and nominating organization, audited', async () => {
    const changed = await update(coordinator, { role: 'TEAM_LEAD', organizationId: organization });
    expect(changed).toEqual({
      enrollment: {
        id: enrollment.id,
        role: 'TEAM_LEAD',
        version: enrollment.version + 1,
        organization: { id: organization },
      },
      userErrors: [],
    });
    enrollment = changed.enrollment;
    const cleared = await update(coordinator, { organizationId: null });
    expect(cleared.enrollment).toMatchObject({ role: 'TEAM_LEAD', organization: null });
    enrollment = cleared.enrollment;

    const [first] = await api.db.prisma.auditEvent.findMany({
      where: { entityId: fromGlobalIdOf('Enrollment', enrollment.id), action: 'enrollment.update' },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    expect(first).toMatchObject({
      actorUserId: coordinator.userId,
      before: { role: 'PARTICIPANT' },
      after: { role: 'TEAM_LEAD', organizationId: fromGlobalIdOf('Organization', organization) },
    });
  });

  it('checks every field, writing nothing', async () => {
    const before = await written();
    const { userErrors } = await update(coordinator, {
      role: null,
      organizationId: toGlobalId('Organization', '00000000-0000-7000-8000-000000000000'),
    });
    expect(userErrors).toEqual([
      { field: ['input', 'role'], code: 'INVALID', message: 'A role is required.' },
      { field: ['input', 'organizationId'], code: 'NOT_FOUND', message: 'There is no such organization.' },
    ]);
    expect(await written()).toBe(before);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const before = await written();
    expect((await update(coordinator, { role: 'OBSERVER' }, enrollment.version - 1)).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' }),
    ]);
    expect(await written()).toBe(before);
  });

  it('is refused to the enrolled person and to other seminars’ coordinators', async () => {
    const before = await written();
    const elsewhere = await api.as('COORDINATOR', { seminarIds: [] });
    for (const actor of [participant, elsewhere]) {
      expect((await update(actor, { role: 'OBSERVER' })).userErrors).toEqual([
        { field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such enrollment.' },
      ]);
    }
    expect(
      (await api.graphql(UPDATE, { input: { id: enrollment.id, version: 1 } })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(await written()).toBe(before);
  });
});
