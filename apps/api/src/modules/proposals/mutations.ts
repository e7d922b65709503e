import type { Proposal, ProposalDecisionKind, ProposalStatus } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refuse } from '../../core/versioned.ts';
import { mayManage } from '../seminars/mutations.ts';
import type { ProposalCreateInput, ProposalPayload, ProposalTransitionInput, ProposalUpdateInput } from './inputs.ts';

/**
 * A proposal's life: written and submitted by its team; reviewed, commended, selected or declined
 * by staff; then implemented. Steps that decide record a ProposalDecision too.
 */
export const PROPOSAL_TRANSITIONS = {
  submit: { from: ['DRAFT', 'REVISION_REQUESTED'], to: 'SUBMITTED', by: 'team' },
  startReview: { from: ['SUBMITTED'], to: 'UNDER_REVIEW', by: 'staff' },
  requestRevision: { from: ['UNDER_REVIEW'], to: 'REVISION_REQUESTED', by: 'staff' },
  commend: { from: ['UNDER_REVIEW'], to: 'COMMENDED', by: 'staff', decision: 'COMMENDATION' },
  selectForSupport: {
    from: ['UNDER_REVIEW', 'COMMENDED'],
    to: 'SELECTED_FOR_SUPPORT',
    by: 'staff',
    decision: 'SELECTED_FOR_SUPPORT',
  },
  decline: { from: ['UNDER_REVIEW', 'COMMENDED'], to: 'DECLINED', by: 'staff', decision: 'DECLINED' },
  startImplementation: { from: ['SELECTED_FOR_SUPPORT'], to: 'IN_IMPLEMENTATION', by: 'staff' },
  complete: { from: ['IN_IMPLEMENTATION'], to: 'COMPLETED', by: 'staff' },
} as const satisfies Record<
  string,
  { from: ProposalStatus[]; to: ProposalStatus; by: 'team' | 'staff'; decision?: ProposalDecisionKind }
>;

export type ProposalTransition = keyof typeof PROPOSAL_TRANSITIONS;

const EDITABLE: ProposalStatus[] = ['DRAFT', 'REVISION_REQUESTED'];
const failed = (error: UserError): ProposalPayload => ({ proposal: null, userErrors: [error] });
const notFound = (field: string, noun: string) =>
  userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', field]);

function checkText(input: Partial<ProposalUpdateInput>, creating: boolean): Checks {
  return new Checks()
    .text('title', input.title ?? (creating ? '' : undefined), { min: 1, max: 300, required: creating })
    .text('summary', input.summary, { max: 2000 })
    .text('problem', input.problem, { max: 10_000 })
    .text('objectives', input.objectives, { max: 10_000 });
}

/** Who may act on a proposal: staff of its seminar, and its team for the team's steps. */
async function roleOn(ctx: Context, proposal: { id: string; seminarId: string }) {
  const seminar = await ctx.prisma.seminar.findUniqueOrThrow({
    where: { id: proposal.seminarId },
    select: { id: true, programId: true },
  });
  const staff = await mayManage(ctx, seminar);
  const personId = ctx.viewer.kind === 'user' ? ctx.viewer.personId : null;
  const team =
    personId !== null && (await ctx.prisma.proposalMember.count({ where: { proposalId: proposal.id, personId } })) > 0;
  return { staff, team };
}

export async function createProposal(ctx: Context, input: ProposalCreateInput): Promise<ProposalPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const seminarId = fromGlobalIdOf('Seminar', input.seminarId, 'input.seminarId');
  const memberIds = input.memberIds.map((id, i) => fromGlobalIdOf('Person', id, `input.memberIds[${i}]`));
  const organizationId = input.implementingOrganizationId
    ? fromGlobalIdOf('Organization', input.implementingOrganizationId, 'input.implementingOrganizationId')
    : null;
  const seminar = await ctx.prisma.seminar.findUnique({ where: { id: seminarId } });
  const staff = seminar ? await mayManage(ctx, seminar) : false;
  const personId = ctx.viewer.kind === 'user' ? ctx.viewer.personId : null;
  const enrolled =
    seminar && personId
      ? (await ctx.prisma.enrollment.count({
          where: { seminarId, personId, status: { in: ['ACCEPTED', 'CONFIRMED', 'COMPLETED'] } },
        })) > 0
      : false;
  if (!seminar || !(staff || enrolled)) return failed(notFound('seminarId', 'seminar you take part in'));

  const checks = checkText(input, true);
  if (memberIds.length < 1 || memberIds.length > 10) checks.fail('memberIds', 'A team has 1 to 10 members.');
  if (new Set(memberIds).size !== memberIds.length) checks.fail('memberIds', 'Each member appears once.');
  if (!staff && personId && !memberIds.includes(personId)) checks.fail('memberIds', 'Include yourself in the team.');
  const enrolledMembers = await ctx.prisma.enrollment.count({ where: { seminarId, personId: { in: memberIds } } });
  if (enrolledMembers !== new Set(memberIds).size)
    checks.fail('memberIds', 'Every member must be enrolled in the seminar.');
  if (
    organizationId &&
    !(await ctx.prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))
  ) {
    checks.fail('implementingOrganizationId', 'There is no such organization.', UserErrorCode.NOT_FOUND);
  }
  if (!checks.ok) return { proposal: null, userErrors: checks.errors };

  const proposal = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.proposal.create({
      data: {
        seminarId,
        title: input.title.trim(),
        summary: cleanText(input.summary) ?? null,
        problem: cleanText(input.problem) ?? null,
        objectives: cleanText(input.objectives) ?? null,
        implementingOrganizationId: organizationId,
        members: { create: memberIds.map((id, index) => ({ personId: id, role: index === 0 ? 'LEAD' : 'MEMBER' })) },
      },
    });
    await recordAudit(tx, ctx, {
      action: 'proposal.create',
      entityType: 'Proposal',
      entityId: created.id,
      before: null,
      after: { ...created, memberIds },
    });
    return created;
  });
  return { proposal, userErrors: [] };
}

export async function updateProposal(ctx: Context, input: ProposalUpdateInput): Promise<ProposalPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const id = fromGlobalIdOf('Proposal', input.id, 'input.id');
  const found = await ctx.prisma.proposal.findUnique({ where: { id } });
  const role = found ? await roleOn(ctx, found) : { staff: false, team: false };
  if (!found || !(role.staff || role.team)) return failed(notFound('id', 'proposal'));
  const checks = checkText({ ...input, title: input.title ?? undefined }, false);
  if (input.title === null) checks.fail('title', 'A title is required.');
  if (!checks.ok) return { proposal: null, userErrors: checks.errors };

  const outcome = await changeVersioned<Proposal, Proposal>(
    ctx.prisma,
    'Proposal',
    'proposal',
    id,
    input.version,
    async (tx, before) => {
      if (!EDITABLE.includes(before.status)) {
        refuse(
          userError(UserErrorCode.INVALID_TRANSITION, `A proposal that is ${before.status} can no longer be edited.`, [
            'input',
            'id',
          ]),
        );
      }
      const after = await tx.proposal.update({
        where: { id },
        data: {
          ...(input.title != null ? { title: input.title.trim() } : {}),
          ...(input.summary !== undefined ? { summary: cleanText(input.summary) ?? null } : {}),
          ...(input.problem !== undefined ? { problem: cleanText(input.problem) ?? null } : {}),
          ...(input.objectives !== undefined ? { objectives: cleanText(input.objectives) ?? null } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, { action: 'proposal.update', entityType: 'Proposal', entityId: id, before, after });
      return after;
    },
  );
  return outcome.ok ? { proposal: outcome.result, userErrors: [] } : { proposal: null, userErrors: outcome.errors };
}

export async function transitionProposal(
  ctx: Context,
  transition: ProposalTransition,
  input: ProposalTransitionInput,
): Promise<ProposalPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const rule = PROPOSAL_TRANSITIONS[transition];
  const id = fromGlobalIdOf('Proposal', input.id, 'input.id');
  const found = await ctx.prisma.proposal.findUnique({ where: { id } });
  const role = found ? await roleOn(ctx, found) : { staff: false, team: false };
  if (!found || !(role.staff || (rule.by === 'team' && role.team))) return failed(notFound('id', 'proposal'));
  const checks = new Checks().text('note', input.note, { max: 2000 });
  if (input.supportType && transition !== 'selectForSupport')
    checks.fail('supportType', 'Only a selection for support has a support type.');
  if (!checks.ok) return { proposal: null, userErrors: checks.errors };

  const outcome = await changeVersioned<Proposal, Proposal>(
    ctx.prisma,
    'Proposal',
    'proposal',
    id,
    input.version,
    async (tx, before) => {
      if (!(rule.from as readonly ProposalStatus[]).includes(before.status)) {
        refuse(
          userError(
            UserErrorCode.INVALID_TRANSITION,
            `The proposal is ${before.status}: it cannot ${transition}, which needs ${rule.from.join(' or ')}.`,
            ['input', 'id'],
          ),
        );
      }
      const after = await tx.proposal.update({
        where: { id },
        data: {
          status: rule.to,
          ...(rule.to === 'SUBMITTED' ? { submittedAt: new Date() } : {}),
          version: { increment: 1 },
        },
      });
      if ('decision' in rule) {
        await tx.proposalDecision.create({
          data: {
            proposalId: id,
            kind: rule.decision,
            supportType: input.supportType ?? null,
            note: cleanText(input.note) ?? null,
            decidedById: ctx.viewer.kind === 'user' ? ctx.viewer.userId : null,
          },
        });
      }
      await recordAudit(tx, ctx, {
        action: `proposal.${transition}`,
        entityType: 'Proposal',
        entityId: id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok ? { proposal: outcome.result, userErrors: [] } : { proposal: null, userErrors: outcome.errors };
}
