import { Badge, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OutcomeLevel, ProgressReportReviewOutcome } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { dateTime } from '../../lib/format.ts';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import type { ProposalDetails } from '../proposals/useProposals.ts';
import { DueDate } from './OverdueBadge.tsx';
import { type ReportRow, reportName, reportState } from './status.ts';
import { useProposalChange } from './useProposalChange.ts';

const OUTCOMES: OutcomeLevel[] = ['NONE', 'APPLIED', 'INSTITUTIONALISED', 'SCALED'];

/**
 * A proposal's progress reports by due date (3, 6 and 12 months after the seminar): the team fills in
 * and submits each; staff accept it or return it with a note.
 */
export function ProgressReports({
  proposal,
  viewer,
}: {
  proposal: ProposalDetails;
  /** The team fills reports in; staff review them. */
  viewer: 'team' | 'staff';
}) {
  const reports = proposal.progressReports.nodes;
  // The earliest report still to be handed in is opened for the team; later ones wait behind a button.
  const next = reports.find((report) => report.submittedAt === null && report.reviewOutcome !== 'ACCEPTED');
  return (
    <Stack gap="sm">
      <Text fw={600}>Progress reports</Text>
      {reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          The 3, 6 and 12-month reports are scheduled when implementation starts.
        </Text>
      ) : (
        reports.map((report) => (
          <ReportCard key={report.id} report={report} viewer={viewer} next={report.id === next?.id} />
        ))
      )}
    </Stack>
  );
}

function ReportCard({ report, viewer, next }: { report: ReportRow; viewer: 'team' | 'staff'; next: boolean }) {
  const state = reportState(report);
  const open = report.submittedAt === null && report.reviewOutcome !== 'ACCEPTED';
  const [expanded, setExpanded] = useState(next || Boolean(report.summary));
  return (
    <Card withBorder padding="sm" aria-label={reportName(report)}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600} size="sm">
              {reportName(report)}
            </Text>
            <Badge color={state.colour} variant="light">
              {state.label}
            </Badge>
          </Group>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              Due
            </Text>
            <DueDate date={report.dueDate} overdue={report.overdue} />
          </Group>
        </Group>
        {report.reviewOutcome && report.reviewNote && (
          <Text size="sm" c={report.reviewOutcome === 'RETURNED' ? 'orange' : 'dimmed'}>
            Staff{report.reviewedAt ? ` (${dateTime(report.reviewedAt)})` : ''}: {report.reviewNote}
          </Text>
        )}
        {viewer === 'team' && open && expanded ? (
          <ReportForm key={report.version} report={report} />
        ) : viewer === 'team' && open ? (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Not filled in yet.
            </Text>
            <Button size="xs" variant="default" onClick={() => setExpanded(true)}>
              Fill in the {reportName(report)}
            </Button>
          </Group>
        ) : (
          <ReportSummary report={report} />
        )}
        {viewer === 'staff' && report.submittedAt && !report.reviewOutcome && <ReviewForm report={report} />}
      </Stack>
    </Card>
  );
}

function ReportSummary({ report }: { report: ReportRow }) {
  if (!report.submittedAt && !report.summary) {
    return (
      <Text size="sm" c="dimmed">
        Not filled in yet.
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm">
        {report.percentComplete}% carried out · outcome: {enumLabel(report.outcomeLevel).toLowerCase()}
        {report.submittedAt ? ` · submitted ${dateTime(report.submittedAt)}` : ''}
      </Text>
      {report.summary && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {report.summary}
        </Text>
      )}
    </Stack>
  );
}

interface ReportValues extends Record<string, unknown> {
  percentComplete: number;
  outcomeLevel: OutcomeLevel;
  summary: string;
}

/** The team's report: saved as often as they like, then submitted (the saved version). */
function ReportForm({ report }: { report: ReportRow }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ['proposal'] });
  const read: ReportValues = {
    percentComplete: report.percentComplete,
    outcomeLevel: report.outcomeLevel,
    summary: report.summary ?? '',
  };
  const { form, onSubmit, submitting, formErrors, conflict, reloadTheirs, reapplyMine } = useMutationForm({
    initialValues: read,
    version: report.version,
    mutate: (values, version) =>
      client.progressReports.update({
        id: report.id,
        version: version ?? report.version,
        percentComplete: Number(values.percentComplete),
        outcomeLevel: values.outcomeLevel,
        summary: values.summary.trim() || null,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: 'The report is saved.' });
      await refresh();
    },
    reload: async () => {
      const fresh = (await client.proposals.get(report.proposal.id))?.progressReports.nodes.find(
        (row) => row.id === report.id,
      );
      if (!fresh) throw new Error('The report is gone.');
      return {
        values: {
          percentComplete: fresh.percentComplete,
          outcomeLevel: fresh.outcomeLevel,
          summary: fresh.summary ?? '',
        },
        version: fresh.version,
      };
    },
  });
  const submit = useProposalChange(
    () => client.progressReports.submit({ id: report.id, version: report.version }),
    () => `The ${reportName(report)} is submitted for review.`,
  );
  const dirty = form.isDirty();
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Fill in the ${reportName(report)}`}>
      <Stack gap="xs">
        {conflict && <ConflictNotice what="report" onReload={reloadTheirs} onReapply={reapplyMine} />}
        <FormErrors errors={formErrors} />
        <Group grow align="flex-start">
          <NumberInput
            label="Carried out (%)"
            min={0}
            max={100}
            clampBehavior="none"
            {...form.getInputProps('percentComplete')}
          />
          <Select
            label="Outcome"
            allowDeselect={false}
            data={OUTCOMES.map((value) => ({ value, label: enumLabel(value) }))}
            {...form.getInputProps('outcomeLevel')}
          />
        </Group>
        <Textarea
          label="Summary"
          description="What was done and what came of it; required to submit."
          rows={3}
          resize="vertical"
          {...form.getInputProps('summary')}
        />
        {submit.errorFor('submit') && (
          <Text size="sm" c="red" role="alert">
            {submit.errorFor('submit')}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          {dirty && (
            <Text size="xs" c="dimmed">
              Save your changes before submitting.
            </Text>
          )}
          <Button type="submit" variant="default" loading={submitting}>
            Save report
          </Button>
          <Button disabled={dirty} loading={submit.pending('submit')} onClick={() => submit.run('submit', undefined)}>
            Submit report
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Staff's review of a submitted report: accept it, or return it to the team saying what is missing. */
function ReviewForm({ report }: { report: ReportRow }) {
  const { client } = useSession();
  const queries = useQueryClient();
  // Read when the form is sent, in the same event as the click that chose it: a ref, not state.
  const outcome = useRef<ProgressReportReviewOutcome>('ACCEPTED');
  const [chosen, choose] = useState<ProgressReportReviewOutcome>('ACCEPTED');
  const pick = (value: ProgressReportReviewOutcome) => {
    outcome.current = value;
    choose(value);
  };
  const { form, onSubmit, submitting, formErrors } = useMutationForm({
    initialValues: { note: '' },
    version: report.version,
    mutate: (values, version) =>
      client.progressReports.review({
        id: report.id,
        version: version ?? report.version,
        outcome: outcome.current,
        note: values.note.trim() || null,
      }),
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        message: outcome.current === 'ACCEPTED' ? 'The report is accepted.' : 'The report is returned to the team.',
      });
      await queries.invalidateQueries({ queryKey: ['proposal'] });
      await queries.invalidateQueries({ queryKey: ['list'] });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Review the ${reportName(report)}`}>
      <Stack gap="xs">
        <FormErrors errors={formErrors} />
        <Textarea
          label="Review note"
          description="The team sees it; required when returning the report."
          rows={2}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="xs">
          <Button
            type="submit"
            variant="default"
            color="orange"
            loading={submitting && chosen === 'RETURNED'}
            onClick={() => pick('RETURNED')}
          >
            Return to the team
          </Button>
          <Button type="submit" loading={submitting && chosen === 'ACCEPTED'} onClick={() => pick('ACCEPTED')}>
            Accept report
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
