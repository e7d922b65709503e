import type { Milestone, MilestoneStatus, Prisma, ProgressReport, Proposal } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import type { Context } from '../../core/context.ts';

/** The reports every proposal in implementation owes, in months after its seminar's last day. */
export const STANDARD_REPORT_MONTHS = [3, 6, 12] as const;

/** Milestones still to be reached: only these can be overdue. */
export const OPEN_MILESTONE: MilestoneStatus[] = ['PLANNED', 'IN_PROGRESS'];

/** Today as a calendar date (UTC), the day due dates are compared with. */
export function today(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** A report is overdue once its due date has passed and it is not submitted (a returned one counts). */
export const reportOverdue = (report: Pick<ProgressReport, 'dueDate' | 'submittedAt'>) =>
  report.submittedAt === null && report.dueDate < today();

/** A milestone is overdue once its due date has passed and it is neither DONE nor MISSED. */
export const milestoneOverdue = (milestone: Pick<Milestone, 'dueDate' | 'status'>) =>
  OPEN_MILESTONE.includes(milestone.status) && milestone.dueDate < today();

/** `months` calendar months after `date`, kept within the month (31 Oct + 4 months is 28 Feb). */
export function monthsAfter(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * Schedules the 3, 6 and 12-month reports, due that many months after the seminar's last day, for a
 * proposal entering implementation; in the caller's transaction, so a refused step schedules nothing.
 * Months already scheduled are left as they are.
 */
export async function scheduleStandardReports(
  tx: Prisma.TransactionClient,
  ctx: Context,
  proposal: Pick<Proposal, 'id' | 'seminarId'>,
): Promise<void> {
  const seminar = await tx.seminar.findUniqueOrThrow({ where: { id: proposal.seminarId }, select: { endDate: true } });
  const existing = await tx.progressReport.findMany({
    where: { proposalId: proposal.id },
    select: { monthsAfter: true },
  });
  const taken = new Set(existing.map((report) => report.monthsAfter));
  for (const months of STANDARD_REPORT_MONTHS) {
    if (taken.has(months)) continue;
    const created = await tx.progressReport.create({
      data: { proposalId: proposal.id, monthsAfter: months, dueDate: monthsAfter(seminar.endDate, months) },
    });
    await recordAudit(tx, ctx, {
      action: 'progressReport.create',
      entityType: 'ProgressReport',
      entityId: created.id,
      before: null,
      after: created,
    });
  }
}
