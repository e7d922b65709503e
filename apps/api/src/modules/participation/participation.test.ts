import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/testkit.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const MINE = `{ seminars(first: 1) { nodes { enrollments(first: 100) { nodes {
  person { id } attendance { status session { title } } feedback { rating anonymous comment }
} } } } }`;

describe('attendance and feedback', () => {
  it('shows participants their own attendance and feedback, anonymous feedback included', async () => {
    const enrollment = await api.db.prisma.enrollment.findFirstOrThrow({
      where: { seminarId: EXAMPLE_SEMINAR_ID, attendance: { some: {} } },
      include: { attendance: true },
    });
    await api.db.prisma.feedback.create({
      data: {
        seminarId: EXAMPLE_SEMINAR_ID,
        enrollmentId: enrollment.id,
        rating: 2,
        comment: 'too fast',
        anonymous: true,
      },
    });
    const participant = await api.as('PARTICIPANT', { personId: enrollment.personId });
    const { data, errors } = await participant.graphql(MINE);
    expect(errors).toBeUndefined();
    const [own] = data.seminars.nodes[0].enrollments.nodes;
    expect(data.seminars.nodes[0].enrollments.nodes).toHaveLength(1);
    expect(own.attendance).toHaveLength(enrollment.attendance.length);
    expect(own.attendance[0].session.title).toBeTruthy();
    expect(own.feedback).toContainEqual({ rating: 2, anonymous: true, comment: 'too fast' });

    // Staff see the enrollment, but anonymous feedback is never tied to its author.
    const coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
    const staff = await coordinator.graphql(MINE);
    const seen = staff.data.seminars.nodes[0].enrollments.nodes.find(
      (node: { person: { id: string } }) => node.person.id === own.person.id,
    );
    expect(seen.attendance).toHaveLength(enrollment.attendance.length);
    expect(seen.feedback.some((feedback: { anonymous: boolean }) => feedback.anonymous)).toBe(false);
  });

  it('shows the public no enrollments, and so no attendance or feedback', async () => {
    const { data } = await api.graphql(MINE);
    expect(data.seminars.nodes[0].enrollments.nodes).toEqual([]);
  });
});
