import type { Enrollment } from '@seminarhub/db';
import { enrollmentWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, childPages, type ListOrder, nestedConnection } from '../../core/pagination.ts';

const ENROLLMENT_ORDER: ListOrder<Enrollment> = {
  field: 'appliedAt',
  kind: 'date',
  direction: 'asc',
  value: (row) => row.appliedAt,
};

/** A seminar's enrollments; loaded in one query for all seminars in a response. */
export async function enrollmentsOfSeminar(ctx: Context, seminarId: string, args: ConnectionArgs) {
  const visible = enrollmentWhere(ctx.viewer, await ctx.scope());
  return nestedConnection<Enrollment>(
    ctx.batches,
    'Seminar.enrollments',
    seminarId,
    args,
    ENROLLMENT_ORDER,
    (ids, page) =>
      childPages<Enrollment>('enrollments', visible, page, (args) =>
        ctx.prisma.seminar.findMany({ where: { id: { in: ids } }, ...args }),
      ),
  );
}
