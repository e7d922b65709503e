import { enrollmentWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { listConnection, nestedList } from '../../core/lists/lists.ts';
import { ENROLLMENT_LIST, type EnrollmentListArgs } from './list.ts';

/** Enrollments across seminars that the viewer may see, the earliest application first. */
export async function listEnrollments(ctx: Context, args: EnrollmentListArgs) {
  const visible = enrollmentWhere(ctx.viewer, await ctx.scope());
  return listConnection(ctx, ENROLLMENT_LIST, args, {
    visible,
    findMany: (query) => ctx.prisma.enrollment.findMany(query),
    count: (where) => ctx.prisma.enrollment.count({ where }),
  });
}

/** A seminar's enrollments; loaded in one query for all seminars in a response. */
export async function enrollmentsOfSeminar(ctx: Context, seminarId: string, args: EnrollmentListArgs) {
  const visible = enrollmentWhere(ctx.viewer, await ctx.scope());
  return nestedList(ctx, ENROLLMENT_LIST, args, {
    name: 'Seminar.enrollments',
    parentId: seminarId,
    relation: 'enrollments',
    parentKey: 'seminarId',
    visible,
    findParents: (ids, args) => ctx.prisma.seminar.findMany({ where: { id: { in: ids } }, ...args }),
  });
}
