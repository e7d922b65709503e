import type { Milestone, MilestoneStatus, Prisma, ProgressReport, Proposal, ProposalStatus } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { refuseAnonymous } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refusable, refuse } from '../../core/versioned.ts';
import { eitherWords, enumWords, stepRefused } from '../../core/words.ts';
import { roleOn } from '../proposals/mutations.ts';
import type {
  MilestoneCreateInput,
  MilestoneDeletePayload,
  MilestonePayload,
  MilestoneRefInput,
  MilestoneUpdateInput,
  ProgressReportCreateInput,
  ProgressReportDeletePayload,
  ProgressReportPayload,
  ProgressReportRefInput,
  ProgressReportReviewInput,
  ProgressReportUpdateInput,
} from './inputs.ts';

/** Milestones are planned and edited once a proposal is selected for support, and while it is carried out. */
const PLANNING: ProposalStatus[] = ['SELECTED_FOR_SUPPORT', 'IN_IMPLEMENTATION'];
/** Milestones move only while the proposal is carried out. */
const IMPLEMENTING: ProposalStatus[] = ['IN_IMPLEMENTATION'];
/** Progress reports are scheduled once implementation starts, and after it ends. */
const REPORTING: ProposalStatus[] = ['IN_IMPLEMENTATION', 'COMPLETED'];

export const MILESTONE_TRANSITIONS = {
  start: { from: ['PLANNED'], to: 'IN_PROGRESS' },
  complete: { from: ['PLANNED', 'IN_PROGRESS'], to: 'DONE' },
  miss: { from: ['PLANNED', 'IN_PROGRESS'], to: 'MISSED' },
} as const satisfies Record<string, { from: MilestoneStatus[]; to: MilestoneStatus }>;

export type MilestoneTransition = keyof typeof MILESTONE_TRANSITIONS;

const notFound = (field: string, noun: string): UserError =>
  userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', field]);

/** Who may act on the proposal, or null when the viewer may not (it then looks missing). */
async function access(ctx: Context, proposal: Proposal | null, by: 'team' | 'staff'): Promise<boolean> {
  refuseAnonymous(ctx);
  if (!proposal) return false;
  const role = await roleOn(ctx, proposal);
  return role.staff || (by === 'team' && role.team);
}

/** Locks the proposal, so that its status cannot change (nor a twin report appear) under a follow-up write. */
async function lockProposal(
  tx: Prisma.TransactionClient,
  id: string,
  allowed: ProposalStatus[],
  field: string,
  doing: string,
): Promise<Proposal> {
  const [proposal] = await tx.$queryRaw<Proposal[]>`SELECT * FROM "Proposal" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!proposal) return refuse(notFound(field, 'proposal'));
  if (!allowed.includes(proposal.status)) {
    refuse(
      userError(
        UserErrorCode.INVALID_TRANSITION,
        `The proposal is ${enumWords(proposal.status)}: ${doing} needs it to be ${eitherWords(allowed)}.`,
        ['input', field],
      ),
    );
  }
  return proposal;
}

function milestoneChecks(input: Partial<MilestoneCreateInput>, creating: boolean): Checks {
  const checks = new Checks()
    .text('title', input.title, { min: 1, max: 300, required: creating })
    .text('description', input.description, { max: 5000 });
  if (input.dueDate && input.dueDate.getUTCFullYear() < 2000) checks.fail('dueDate', 'Use a date from 2000 on.');
  return checks;
}

export async function createMilestone(ctx: Context, input: MilestoneCreateInput): Promise<MilestonePayload> {
  refuseAnonymous(ctx);
  const proposalId = fromGlobalIdOf('Proposal', input.proposalId, 'input.proposalId');
  const found = await ctx.prisma.proposal.findUnique({ where: { id: proposalId } });
  if (!(await access(ctx, found, 'team'))) return { milestone: null, userErrors: [notFound('proposalId', 'proposal')] };
  const checks = milestoneChecks(input, true);
  if (!checks.ok) return { milestone: null, userErrors: checks.errors };

  const outcome = await refusable(ctx.prisma, async (tx) => {
    await lockProposal(tx, proposalId, PLANNING, 'proposalId', 'planning milestones');
    const created = await tx.milestone.create({
      data: {
        proposalId,
        title: input.title.trim(),
        description: cleanText(input.description) ?? null,
        dueDate: input.dueDate,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'milestone.create',
      entityType: 'Milestone',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
  return outcome.ok ? { milestone: outcome.result, userErrors: [] } : { milestone: null, userErrors: outcome.errors };
}

/** The milestone, if the viewer may change it (its proposal's team, or staff). */
async function writableMilestone(ctx: Context, globalId: string) {
  refuseAnonymous(ctx);
  const id = fromGlobalIdOf('Milestone', globalId, 'input.id');
  const found = await ctx.prisma.milestone.findUnique({ where: { id }, include: { proposal: true } });
  return found && (await access(ctx, found.proposal, 'team')) ? found : null;
}

export async function updateMilestone(ctx: Context, input: MilestoneUpdateInput): Promise<MilestonePayload> {
  const found = await writableMilestone(ctx, input.id);
  if (!found) return { milestone: null, userErrors: [notFound('id', 'milestone')] };
  const checks = milestoneChecks(
    { ...input, title: input.title ?? undefined, dueDate: input.dueDate ?? undefined },
    false,
  );
  if (input.title === null) checks.fail('title', 'A title is required.');
  if (input.dueDate === null) checks.fail('dueDate', 'A due date is required.');
  if (!checks.ok) return { milestone: null, userErrors: checks.errors };

  const outcome = await changeVersioned<Milestone, Milestone>(
    ctx.prisma,
    'Milestone',
    'milestone',
    found.id,
    input.version,
    async (tx, before) => {
      await lockProposal(tx, before.proposalId, PLANNING, 'id', 'changing milestones');
      const after = await tx.milestone.update({
        where: { id: found.id },
        data: {
          ...(input.title != null ? { title: input.title.trim() } : {}),
          ...(input.description !== undefined ? { description: cleanText(input.description) ?? null } : {}),
          ...(input.dueDate != null ? { dueDate: input.dueDate } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'milestone.update',
        entityType: 'Milestone',
        entityId: found.id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok ? { milestone: outcome.result, userErrors: [] } : { milestone: null, userErrors: outcome.errors };
}

/** A milestone that a progress report refers to is part of that report's history: it stays. */
export async function deleteMilestone(ctx: Context, input: MilestoneRefInput): Promise<MilestoneDeletePayload> {
  const found = await writableMilestone(ctx, input.id);
  if (!found) return { deletedId: null, userErrors: [notFound('id', 'milestone')] };
  const outcome = await changeVersioned<Milestone, void>(
    ctx.prisma,
    'Milestone',
    'milestone',
    found.id,
    input.version,
    async (tx, before) => {
      await lockProposal(tx, before.proposalId, PLANNING, 'id', 'deleting milestones');
      const reports = await tx.progressReport.count({ where: { milestoneId: found.id } });
      if (reports > 0) {
        refuse(
          userError(
            UserErrorCode.IN_USE,
            `${reports} progress report${reports === 1 ? '' : 's'} refer${reports === 1 ? 's' : ''} to the milestone; deleting it would lose that history.`,
            ['input', 'id'],
          ),
        );
      }
      await tx.milestone.delete({ where: { id: found.id } });
      await recordAudit(tx, ctx, {
        action: 'milestone.delete',
        entityType: 'Milestone',
        entityId: found.id,
        before,
        after: null,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Milestone', found.id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}

export async function transitionMilestone(
  ctx: Context,
  transition: MilestoneTransition,
  input: MilestoneRefInput,
): Promise<MilestonePayload> {
  const rule = MILESTONE_TRANSITIONS[transition];
  const found = await writableMilestone(ctx, input.id);
  if (!found) return { milestone: null, userErrors: [notFound('id', 'milestone')] };
  const outcome = await changeVersioned<Milestone, Milestone>(
    ctx.prisma,
    'Milestone',
    'milestone',
    found.id,
    input.version,
    async (tx, before) => {
      await lockProposal(tx, before.proposalId, IMPLEMENTING, 'id', 'moving milestones');
      if (!(rule.from as readonly MilestoneStatus[]).includes(before.status)) {
        refuse(
          userError(UserErrorCode.INVALID_TRANSITION, stepRefused('milestone', before.status, transition, rule.from), [
            'input',
            'id',
          ]),
        );
      }
      const after = await tx.milestone.update({
        where: { id: found.id },
        data: {
          status: rule.to,
          ...(rule.to === 'DONE' ? { completedAt: new Date() } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: `milestone.${transition}`,
        entityType: 'Milestone',
        entityId: found.id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok ? { milestone: outcome.result, userErrors: [] } : { milestone: null, userErrors: outcome.errors };
}

/** Staff schedule the reports they expect; one per proposal and number of months. */
export async function createProgressReport(
  ctx: Context,
  input: ProgressReportCreateInput,
): Promise<ProgressReportPayload> {
  refuseAnonymous(ctx);
  const proposalId = fromGlobalIdOf('Proposal', input.proposalId, 'input.proposalId');
  const found = await ctx.prisma.proposal.findUnique({ where: { id: proposalId } });
  if (!(await access(ctx, found, 'staff')))
    return { progressReport: null, userErrors: [notFound('proposalId', 'proposal')] };
  const checks = new Checks().integer('monthsAfter', input.monthsAfter, { min: 1, max: 60 });
  if (input.dueDate.getUTCFullYear() < 2000) checks.fail('dueDate', 'Use a date from 2000 on.');
  if (!checks.ok) return { progressReport: null, userErrors: checks.errors };

  const outcome = await refusable(ctx.prisma, async (tx) => {
    await lockProposal(tx, proposalId, REPORTING, 'proposalId', 'scheduling progress reports');
    if (await tx.progressReport.findFirst({ where: { proposalId, monthsAfter: input.monthsAfter } })) {
      refuse(
        userError(
          UserErrorCode.CONFLICT,
          `The proposal already has a progress report at ${input.monthsAfter} months.`,
          ['input', 'monthsAfter'],
        ),
      );
    }
    const created = await tx.progressReport.create({
      data: { proposalId, monthsAfter: input.monthsAfter, dueDate: input.dueDate },
    });
    await recordAudit(tx, ctx, {
      action: 'progressReport.create',
      entityType: 'ProgressReport',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
  return outcome.ok
    ? { progressReport: outcome.result, userErrors: [] }
    : { progressReport: null, userErrors: outcome.errors };
}

async function writableReport(ctx: Context, globalId: string, by: 'team' | 'staff') {
  refuseAnonymous(ctx);
  const id = fromGlobalIdOf('ProgressReport', globalId, 'input.id');
  const found = await ctx.prisma.progressReport.findUnique({ where: { id }, include: { proposal: true } });
  return found && (await access(ctx, found.proposal, by)) ? found : null;
}

function refuseIfSubmitted(report: ProgressReport, doing: string): void {
  if (report.submittedAt !== null) {
    refuse(
      userError(UserErrorCode.INVALID_TRANSITION, `The progress report is already submitted: it cannot ${doing}.`, [
        'input',
        'id',
      ]),
    );
  }
}

export async function updateProgressReport(
  ctx: Context,
  input: ProgressReportUpdateInput,
): Promise<ProgressReportPayload> {
  const found = await writableReport(ctx, input.id, 'team');
  if (!found) return { progressReport: null, userErrors: [notFound('id', 'progress report')] };
  const checks = new Checks()
    .integer('percentComplete', input.percentComplete, { min: 0, max: 100 })
    .text('summary', input.summary, { max: 10_000 });
  if (input.percentComplete === null) checks.fail('percentComplete', 'Give a number from 0 to 100.');
  if (input.outcomeLevel === null) checks.fail('outcomeLevel', 'Give an outcome level; NONE when there is none yet.');
  const milestoneId = input.milestoneId
    ? fromGlobalIdOf('Milestone', input.milestoneId, 'input.milestoneId')
    : input.milestoneId;
  if (
    milestoneId &&
    !(await ctx.prisma.milestone.findFirst({
      where: { id: milestoneId, proposalId: found.proposalId },
      select: { id: true },
    }))
  ) {
    checks.fail('milestoneId', 'The proposal has no such milestone.', UserErrorCode.NOT_FOUND);
  }
  if (!checks.ok) return { progressReport: null, userErrors: checks.errors };

  const outcome = await changeVersioned<ProgressReport, ProgressReport>(
    ctx.prisma,
    'ProgressReport',
    'progress report',
    found.id,
    input.version,
    async (tx, before) => {
      refuseIfSubmitted(before, 'change');
      const after = await tx.progressReport.update({
        where: { id: found.id },
        data: {
          ...(input.percentComplete != null ? { percentComplete: input.percentComplete } : {}),
          ...(input.outcomeLevel != null ? { outcomeLevel: input.outcomeLevel } : {}),
          ...(input.summary !== undefined ? { summary: cleanText(input.summary) ?? null } : {}),
          ...(milestoneId !== undefined ? { milestoneId } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'progressReport.update',
        entityType: 'ProgressReport',
        entityId: found.id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok
    ? { progressReport: outcome.result, userErrors: [] }
    : { progressReport: null, userErrors: outcome.errors };
}

export async function submitProgressReport(
  ctx: Context,
  input: ProgressReportRefInput,
): Promise<ProgressReportPayload> {
  const found = await writableReport(ctx, input.id, 'team');
  if (!found) return { progressReport: null, userErrors: [notFound('id', 'progress report')] };
  const outcome = await changeVersioned<ProgressReport, ProgressReport>(
    ctx.prisma,
    'ProgressReport',
    'progress report',
    found.id,
    input.version,
    async (tx, before) => {
      refuseIfSubmitted(before, 'be submitted again');
      if (!before.summary) {
        refuse(
          userError(UserErrorCode.INVALID, 'Write a summary (progressReportUpdate) before submitting.', [
            'input',
            'id',
          ]),
        );
      }
      const after = await tx.progressReport.update({
        where: { id: found.id },
        // A new submission waits for a new review: the last one (a return) is cleared.
        data: {
          submittedAt: new Date(),
          reviewOutcome: null,
          reviewNote: null,
          reviewedAt: null,
          reviewedById: null,
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'progressReport.submit',
        entityType: 'ProgressReport',
        entityId: found.id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok
    ? { progressReport: outcome.result, userErrors: [] }
    : { progressReport: null, userErrors: outcome.errors };
}

/**
 * Staff review a submitted report once: ACCEPTED closes it; RETURNED sends it back to the team, which
 * may then change it and submit it again (and it counts as overdue again once past its due date).
 */
export async function reviewProgressReport(
  ctx: Context,
  input: ProgressReportReviewInput,
): Promise<ProgressReportPayload> {
  const found = await writableReport(ctx, input.id, 'staff');
  if (!found) return { progressReport: null, userErrors: [notFound('id', 'progress report')] };
  const note = cleanText(input.note) ?? null;
  const checks = new Checks().text('note', input.note, { min: 0, max: 2000 });
  if (input.outcome === 'RETURNED' && !note) checks.fail('note', 'Say what the team should add or change.');
  if (!checks.ok) return { progressReport: null, userErrors: checks.errors };
  const outcome = await changeVersioned<ProgressReport, ProgressReport>(
    ctx.prisma,
    'ProgressReport',
    'progress report',
    found.id,
    input.version,
    async (tx, before) => {
      if (before.submittedAt === null) {
        refuse(
          userError(
            UserErrorCode.INVALID_TRANSITION,
            'The progress report is not submitted: there is nothing to review.',
            ['input', 'id'],
          ),
        );
      }
      if (before.reviewOutcome !== null) {
        refuse(
          userError(
            UserErrorCode.INVALID_TRANSITION,
            `The progress report is already reviewed (${before.reviewOutcome}).`,
            ['input', 'id'],
          ),
        );
      }
      const after = await tx.progressReport.update({
        where: { id: found.id },
        data: {
          reviewOutcome: input.outcome,
          reviewNote: note,
          reviewedAt: new Date(),
          reviewedById: ctx.viewer.kind === 'user' ? ctx.viewer.userId : null,
          ...(input.outcome === 'RETURNED' ? { submittedAt: null } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: `progressReport.review`,
        entityType: 'ProgressReport',
        entityId: found.id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok
    ? { progressReport: outcome.result, userErrors: [] }
    : { progressReport: null, userErrors: outcome.errors };
}

/** Staff withdraw a report they scheduled, as long as the team has not submitted it. */
export async function deleteProgressReport(
  ctx: Context,
  input: ProgressReportRefInput,
): Promise<ProgressReportDeletePayload> {
  const found = await writableReport(ctx, input.id, 'staff');
  if (!found) return { deletedId: null, userErrors: [notFound('id', 'progress report')] };
  const outcome = await changeVersioned<ProgressReport, void>(
    ctx.prisma,
    'ProgressReport',
    'progress report',
    found.id,
    input.version,
    async (tx, before) => {
      refuseIfSubmitted(before, 'be deleted');
      await tx.progressReport.delete({ where: { id: found.id } });
      await recordAudit(tx, ctx, {
        action: 'progressReport.delete',
        entityType: 'ProgressReport',
        entityId: found.id,
        before,
        after: null,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('ProgressReport', found.id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
