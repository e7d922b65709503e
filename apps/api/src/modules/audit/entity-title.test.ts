import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

/** The trail names what changed, as a person reads it, rather than by an ID. */
let api: TestApi;
let admin: Actor;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

async function titles(entityId: string) {
  const { data, errors } = await admin.graphql(
    'query($id: ID!) { auditEvents(first: 20, filter: { entityId: $id }) { nodes { action entityTitle } } }',
    { id: entityId },
  );
  expect(errors).toBeUndefined();
  return data.auditEvents.nodes as { action: string; entityTitle: string | null }[];
}

describe("an audit event's entityTitle", () => {
  it('names an object by its title or name as it is now, and a deleted one as it was', async () => {
    const created = await admin.graphql(
      'mutation { organizationCreate(input: { name: "Tashkent IT Park", type: AGENCY, countryCode: "UZ" }) { organization { id version } } }',
    );
    expect(created.errors).toBeUndefined();
    const organization = created.data.organizationCreate.organization as { id: string; version: number };
    expect(await titles(organization.id)).toEqual([{ action: 'organization.create', entityTitle: 'Tashkent IT Park' }]);

    const deleted = await admin.graphql(
      'mutation($input: OrganizationDeleteInput!) { organizationDelete(input: $input) { userErrors { code } } }',
      {
        input: { id: organization.id, version: organization.version },
      },
    );
    expect(deleted.data.organizationDelete.userErrors).toEqual([]);
    expect((await titles(organization.id)).map((event) => event.entityTitle)).toEqual([
      'Tashkent IT Park',
      'Tashkent IT Park',
    ]);
  });

  it('names an enrollment by its person and seminar, and anonymous feedback by what it rates, never its author', async () => {
    const enrollment = await api.db.prisma.enrollment.findFirstOrThrow({
      where: { seminarId: EXAMPLE_SEMINAR_ID },
      include: { person: true, seminar: true },
    });
    const feedback = await api.db.prisma.feedback.create({
      data: { seminarId: EXAMPLE_SEMINAR_ID, enrollmentId: enrollment.id, rating: 4, anonymous: true },
    });
    const subjects: [string, string][] = [
      ['Enrollment', enrollment.id],
      ['Feedback', feedback.id],
    ];
    for (const [entityType, entityId] of subjects) {
      await api.db.prisma.auditEvent.create({
        data: { action: `${entityType.toLowerCase()}.update`, entityType, entityId },
      });
    }
    const person = `${enrollment.person.givenName} ${enrollment.person.familyName}`;
    expect(await titles(toGlobalId('Enrollment', enrollment.id))).toEqual([
      { action: 'enrollment.update', entityTitle: `${person} in ${enrollment.seminar.title}` },
    ]);
    const [rated] = await titles(toGlobalId('Feedback', feedback.id));
    expect(rated!.entityTitle).toBe(`Feedback on ${enrollment.seminar.title}`);
    expect(rated!.entityTitle).not.toContain(enrollment.person.familyName);
  });
});
