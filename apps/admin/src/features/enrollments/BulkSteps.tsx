import { Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import type { EnrollmentStep as ApiStep, EnrollmentStatus } from '@seminarhub/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { BulkSummary, inChunks, type Refusal } from './BulkSummary.tsx';
import { ENROLLMENT_STEPS, type EnrollmentRow, type EnrollmentStep, stepsFrom } from './status.ts';

/** The API's name of each step for enrollmentsTransition. */
const API_STEPS: Record<EnrollmentStep, ApiStep> = {
  accept: 'ACCEPT',
  waitlist: 'WAITLIST',
  reject: 'REJECT',
  confirm: 'CONFIRM',
  complete: 'COMPLETE',
  markNoShow: 'MARK_NO_SHOW',
  withdraw: 'WITHDRAW',
};

interface Outcome {
  step: EnrollmentStep;
  /** The statuses of the rows that took the step. */
  done: EnrollmentStatus[];
  promoted: number;
  refusals: Refusal[];
}

/**
 * One step for every chosen enrollment, in one call per hundred: the API takes each row as its single step
 * would, and answers per row. Steps that take places away ask first. For staff only.
 */
export function BulkSteps({ rows, onDone }: { rows: EnrollmentRow[]; onDone(): void }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState<EnrollmentStep | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const names = new Map(rows.map((row) => [row.id, row.person.fullName]));

  const run = useMutation({
    mutationFn: async (step: EnrollmentStep) => {
      const results = await inChunks(rows, 100, async (chunk) => {
        const answer = await client.enrollments.transitionMany({
          ids: chunk.map((row) => row.id),
          step: API_STEPS[step],
        });
        if (!answer.ok) throw new Error(answer.userErrors.map((error) => error.message).join(' '));
        return answer.results;
      });
      return {
        step,
        done: results.flatMap((result) => (result.enrollment ? [result.enrollment.status] : [])),
        promoted: results.filter((result) => result.promoted).length,
        refusals: results
          .filter((result) => result.userErrors.length > 0)
          .map((result) => ({
            name: names.get(result.id) ?? 'An enrollment',
            message: result.userErrors.map((error) => error.message).join(' '),
          })),
      };
    },
    onSuccess: setOutcome,
    // Rows sent before a failed call took the step; the list, read again, shows where each stands.
    onError: (error, step) =>
      setOutcome({ step, done: [], promoted: 0, refusals: [{ name: 'The step stopped', message: error.message }] }),
    onSettled: () => queries.invalidateQueries({ queryKey: ['list'] }),
  });

  function start(step: EnrollmentStep) {
    if ('danger' in ENROLLMENT_STEPS[step]) setConfirming(step);
    else run.mutate(step);
  }

  const steps = (Object.keys(ENROLLMENT_STEPS) as EnrollmentStep[]).map((step) => ({
    step,
    able: rows.filter((row) => stepsFrom(row.status).includes(step)).length,
  }));
  const many = rows.length === 1 ? '1 enrollment' : `${rows.length} enrollments`;

  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" loading={run.isPending}>
            Apply a step to {many}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {steps.map(({ step, able }) => (
            <Menu.Item
              key={step}
              color={'danger' in ENROLLMENT_STEPS[step] ? 'red' : undefined}
              disabled={able === 0}
              onClick={() => start(step)}
              rightSection={
                <Text size="xs" c="dimmed">
                  {able} of {rows.length}
                </Text>
              }
            >
              {ENROLLMENT_STEPS[step].label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? `${ENROLLMENT_STEPS[confirming].label}: ${many}?` : ''}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">
            Each enrollment that can take this step takes it; the others are left as they are and named afterwards.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                run.mutate(confirming!);
                setConfirming(null);
              }}
            >
              {confirming ? ENROLLMENT_STEPS[confirming].label : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={outcome !== null}
        onClose={() => {
          setOutcome(null);
          onDone();
        }}
        title={outcome ? `${ENROLLMENT_STEPS[outcome.step].label}: what happened` : ''}
        size="lg"
      >
        {outcome && (
          <BulkSummary
            done={doneText(outcome)}
            refusals={outcome.refusals}
            onClose={() => {
              setOutcome(null);
              onDone();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function doneText({ done, promoted, refusals }: Outcome) {
  const status = done[0] ? enumLabel(done[0]).toLowerCase() : null;
  const head =
    done.length === 0
      ? 'None of them took the step.'
      : `${done.length} ${done.length === 1 ? 'enrollment is' : 'enrollments are'} now ${status}.`;
  const offered =
    promoted > 0
      ? ` ${promoted} freed ${promoted === 1 ? 'place was' : 'places were'} offered to the waiting list.`
      : '';
  return `${head}${offered}${refusals.length ? '' : ' Every one took the step.'}`;
}
