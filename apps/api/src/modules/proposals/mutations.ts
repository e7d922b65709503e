import type {
  EnrollmentStatus,
  Prisma,
  Proposal,
  ProposalDecisionKind,
  ProposalStatus,
  SeminarStatus,
} from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refuse } from '../../core/versioned.ts';
import { enumWords, stepRefused } from '../../core/words.ts';
import { scheduleStandardReports } from '../follow-up/schedule.ts';
import { mayManage } from '../seminars/mutations.ts';
import type {
  ProposalCreateInput,
  ProposalDeleteInput,
  ProposalDeletePayload,
  ProposalMemberInput,
  ProposalMemberRoleSetInput,
  ProposalPayload,
  ProposalTransitionInput,
  ProposalUpdateInput,
} from './inputs.ts';

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
/** Enrollments that let a person write proposals in a seminar: accepted, confirmed or finished. */
export const WRITING_ENROLLMENT: EnrollmentStatus[] = ['ACCEPTED', 'CONFIRMED', 'COMPLETED'];
/** Seminars that proposals are written for: begun, and not called off. */
const PROPOSING: SeminarStatus[] = ['IN_PROGRESS', 'COMPLETED'];
const MAX_TEAM = 10;
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
export async function roleOn(ctx: Context, proposal: { id: string; seminarId: string }) {
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

function refuseUnlessEditable(proposal: Proposal, field: string): void {
  if (!EDITABLE.includes(proposal.status)) {
    refuse(
      userError(
        UserErrorCode.INVALID_TRANSITION,
        `The proposal is ${enumWords(proposal.status)}: it can no longer be edited.`,
        ['input', field],
      ),
    );
  }
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
          where: { seminarId, personId, status: { in: WRITING_ENROLLMENT } },
        })) > 0
      : false;
  if (!seminar || !(staff || enrolled)) return failed(notFound('seminarId', 'seminar you take part in'));
  // Action plans come out of the seminar: written once it has begun, never for one called off.
  if (!PROPOSING.includes(seminar.status)) {
    return failed(
      userError(
        UserErrorCode.INVALID_TRANSITION,
        `The seminar is ${enumWords(seminar.status)}: proposals are written once it is in progress, or after it is completed.`,
        ['input', 'seminarId'],
      ),
    );
  }

  const checks = checkText(input, true);
  if (memberIds.length < 1 || memberIds.length > MAX_TEAM)
    checks.fail('memberIds', `A team has 1 to ${MAX_TEAM} members.`);
  if (new Set(memberIds).size !== memberIds.length) checks.fail('memberIds', 'Each member appears once.');
  if (!staff && personId && !memberIds.includes(personId)) checks.fail('memberIds', 'Include yourself in the team.');
  // The same rule as adding a member later: only people with a place in the seminar write proposals.
  const enrolledMembers = await ctx.prisma.enrollment.count({
    where: { seminarId, personId: { in: memberIds }, status: { in: WRITING_ENROLLMENT } },
  });
  if (enrolledMembers !== new Set(memberIds).size)
    checks.fail('memberIds', 'Every member must have a place in the seminar (accepted, confirmed or completed).');
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
      refuseUnlessEditable(before, 'id');
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
          userError(UserErrorCode.INVALID_TRANSITION, stepRefused('proposal', before.status, transition, rule.from), [
            'input',
            'id',
          ]),
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
      if (rule.to === 'IN_IMPLEMENTATION') await scheduleStandardReports(tx, ctx, after);
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

type Team = { personId: string; role: 'LEAD' | 'MEMBER' }[];

async function teamOf(tx: Prisma.TransactionClient, proposalId: string): Promise<Team> {
  return tx.proposalMember.findMany({
    where: { proposalId },
    select: { personId: true, role: true },
    orderBy: [{ role: 'asc' }, { id: 'asc' }],
  });
}

/**
 * A change to a proposal's team: allowed to the team and staff while the proposal may be edited,
 * against the proposal's version, which it raises; the audit record shows the team before and after.
 */
async function changeTeam(
  ctx: Context,
  input: ProposalMemberInput,
  action: string,
  change: (tx: Prisma.TransactionClient, proposal: Proposal, team: Team, personId: string) => Promise<void>,
): Promise<ProposalPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const id = fromGlobalIdOf('Proposal', input.proposalId, 'input.proposalId');
  const personId = fromGlobalIdOf('Person', input.personId, 'input.personId');
  const found = await ctx.prisma.proposal.findUnique({ where: { id } });
  const role = found ? await roleOn(ctx, found) : { staff: false, team: false };
  if (!found || !(role.staff || role.team)) return failed(notFound('proposalId', 'proposal'));

  const outcome = await changeVersioned<Proposal, Proposal>(
    ctx.prisma,
    'Proposal',
    'proposal',
    id,
    input.version,
    async (tx, before) => {
      refuseUnlessEditable(before, 'proposalId');
      const team = await teamOf(tx, id);
      await change(tx, before, team, personId);
      const after = await tx.proposal.update({ where: { id }, data: { version: { increment: 1 } } });
      await recordAudit(tx, ctx, {
        action,
        entityType: 'Proposal',
        entityId: id,
        before: { ...before, members: team },
        after: { ...after, members: await teamOf(tx, id) },
      });
      return after;
    },
  );
  return outcome.ok ? { proposal: outcome.result, userErrors: [] } : { proposal: null, userErrors: outcome.errors };
}

const onPerson = (code: UserErrorCode, message: string) => refuse(userError(code, message, ['input', 'personId']));

export function addProposalMember(ctx: Context, input: ProposalMemberInput): Promise<ProposalPayload> {
  return changeTeam(ctx, input, 'proposal.memberAdd', async (tx, proposal, team, personId) => {
    if (team.some((member) => member.personId === personId))
      onPerson(UserErrorCode.CONFLICT, 'This person is already on the team.');
    if (team.length >= MAX_TEAM) onPerson(UserErrorCode.INVALID, `A team has at most ${MAX_TEAM} members.`);
    const enrolled = await tx.enrollment.count({
      where: { seminarId: proposal.seminarId, personId, status: { in: WRITING_ENROLLMENT } },
    });
    if (enrolled === 0) {
      onPerson(
        UserErrorCode.INVALID,
        'Only people accepted into the seminar (ACCEPTED, CONFIRMED or COMPLETED) can join its proposals.',
      );
    }
    await tx.proposalMember.create({ data: { proposalId: proposal.id, personId, role: 'MEMBER' } });
  });
}

export function removeProposalMember(ctx: Context, input: ProposalMemberInput): Promise<ProposalPayload> {
  return changeTeam(ctx, input, 'proposal.memberRemove', async (tx, proposal, team, personId) => {
    const member = team.find((row) => row.personId === personId);
    if (!member) return onPerson(UserErrorCode.NOT_FOUND, 'This person is not on the team.');
    if (team.length === 1) onPerson(UserErrorCode.INVALID, 'A team keeps at least one member.');
    if (member.role === 'LEAD' && !team.some((row) => row.role === 'LEAD' && row.personId !== personId)) {
      onPerson(UserErrorCode.INVALID, 'The proposal would have no lead: hand the lead to another member first.');
    }
    await tx.proposalMember.delete({ where: { proposalId_personId: { proposalId: proposal.id, personId } } });
  });
}

export function setProposalMemberRole(ctx: Context, input: ProposalMemberRoleSetInput): Promise<ProposalPayload> {
  return changeTeam(ctx, input, 'proposal.memberRoleSet', async (tx, proposal, team, personId) => {
    const member = team.find((row) => row.personId === personId);
    if (!member) return onPerson(UserErrorCode.NOT_FOUND, 'This person is not on the team.');
    if (input.role === 'LEAD') {
      // One lead at a time: handing the lead over steps the current lead down.
      await tx.proposalMember.updateMany({
        where: { proposalId: proposal.id, role: 'LEAD', personId: { not: personId } },
        data: { role: 'MEMBER' },
      });
    } else if (member.role === 'LEAD' && !team.some((row) => row.role === 'LEAD' && row.personId !== personId)) {
      refuse(
        userError(UserErrorCode.INVALID, 'A proposal needs a lead: make another member LEAD instead.', [
          'input',
          'role',
        ]),
      );
    }
    await tx.proposalMember.update({
      where: { proposalId_personId: { proposalId: proposal.id, personId } },
      data: { role: input.role },
    });
  });
}

/** Only a DRAFT that was never handed in may go, by its lead or staff: anything later is history. */
export async function deleteProposal(ctx: Context, input: ProposalDeleteInput): Promise<ProposalDeletePayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const id = fromGlobalIdOf('Proposal', input.id, 'input.id');
  const found = await ctx.prisma.proposal.findUnique({ where: { id } });
  const { staff } = found ? await roleOn(ctx, found) : { staff: false };
  const personId = ctx.viewer.kind === 'user' ? ctx.viewer.personId : null;
  const lead =
    found !== null &&
    personId !== null &&
    (await ctx.prisma.proposalMember.count({ where: { proposalId: id, personId, role: 'LEAD' } })) > 0;
  if (!found || !(staff || lead)) {
    return { deletedId: null, userErrors: [notFound('id', 'proposal')] };
  }
  const outcome = await changeVersioned<Proposal, void>(
    ctx.prisma,
    'Proposal',
    'proposal',
    id,
    input.version,
    async (tx, before) => {
      if (before.status !== 'DRAFT' || before.submittedAt !== null) {
        refuse(
          userError(
            UserErrorCode.INVALID_TRANSITION,
            `The proposal is ${enumWords(before.status)}: only a draft never handed in is deleted.`,
            ['input', 'id'],
          ),
        );
      }
      const uses = await tx.proposal.findUniqueOrThrow({
        where: { id },
        select: {
          _count: {
            select: {
              reviews: true,
              reviewAssignments: true,
              decisions: true,
              milestones: true,
              progressReports: true,
            },
          },
        },
      });
      const inUse = Object.entries(uses._count).filter(([, count]) => count > 0);
      if (inUse.length > 0) {
        refuse(
          userError(
            UserErrorCode.IN_USE,
            `The proposal is referred to by ${inUse.map(([what, count]) => `${count} ${what}`).join(', ')}; deleting it would lose that history.`,
            ['input', 'id'],
          ),
        );
      }
      const team = await teamOf(tx, id);
      await tx.proposal.delete({ where: { id } });
      await recordAudit(tx, ctx, {
        action: 'proposal.delete',
        entityType: 'Proposal',
        entityId: id,
        before: { ...before, members: team },
        after: null,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Proposal', id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
