import type { MilestoneFieldsFragment, ProgressReportFieldsFragment, ProposalStatus } from '@seminarhub/sdk';

/** Milestones are planned and edited once selected, and while carried out (the API's milestoneCreate). */
export const PLANNING: ProposalStatus[] = ['SELECTED_FOR_SUPPORT', 'IN_IMPLEMENTATION'];
/** Proposals whose follow-up is shown: selected, being carried out, or done. */
export const FOLLOWED_UP: ProposalStatus[] = ['SELECTED_FOR_SUPPORT', 'IN_IMPLEMENTATION', 'COMPLETED'];

export const MILESTONE_COLOURS = { PLANNED: 'gray', IN_PROGRESS: 'blue', DONE: 'green', MISSED: 'red' } as const;

/** Where a progress report stands, in words a team reads. */
export function reportState(report: Pick<ProgressReportFieldsFragment, 'submittedAt' | 'reviewOutcome' | 'overdue'>) {
  if (report.reviewOutcome === 'ACCEPTED') return { label: 'Accepted', colour: 'green' };
  if (report.submittedAt) return { label: 'Awaiting review', colour: 'blue' };
  if (report.reviewOutcome === 'RETURNED') return { label: 'Returned', colour: 'orange' };
  return { label: 'Not submitted', colour: 'gray' };
}

/** The report's name: "3-month report". */
export const reportName = (report: Pick<ProgressReportFieldsFragment, 'monthsAfter'>) =>
  `${report.monthsAfter}-month report`;

export type MilestoneRow = MilestoneFieldsFragment;
export type ReportRow = ProgressReportFieldsFragment;
