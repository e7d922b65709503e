import type { Enrollment } from '@seminarhub/db';
import { enrollmentWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** A seminar's enrollments, in the order people applied. */
export async function listEnrollments(ctx: Context, args: ConnectionArgs, where: { seminarId: string }) {
  const visible = enrollmentWhere(ctx.viewer, await ctx.scope());
  return paginate<Enrollment>({
    args,
    order: { field: 'appliedAt', kind: 'date', direction: 'asc', value: (row) => row.appliedAt },
    findMany: (page) => ctx.prisma.enrollment.findMany({ ...page, where: { AND: [where, visible, page.where] } }),
    count: () => ctx.prisma.enrollment.count({ where: { AND: [where, visible] } }),
  });
}
