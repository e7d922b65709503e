import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SupportType } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAction } from '../../lib/actions.ts';
import { FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel, enumWords } from '../lists/labels.ts';
import { DECISION_LABELS, DECISIONS, DECISIONS_WITH_TERMS, type Decision, SUPPORT_TYPES } from './status.ts';
import type { ProposalDetails } from './useProposals.ts';

const INVALIDATE = [['proposal'], ['list']];

/** The coordinator's decisions that the proposal's status allows; shown to staff only by the caller. */
export function DecisionActions({ proposal }: { proposal: ProposalDetails }) {
  const { client } = useSession();
  const [asking, setAsking] = useState<Decision | null>(null);
  const move = useAction(
    (decision: Decision) => client.proposals[decision]({ id: proposal.id, version: proposal.version }),
    {
      success: (result) => `The proposal is now ${enumWords(result.proposal!.status)}.`,
      invalidate: INVALIDATE,
    },
  );
  const decisions = DECISIONS[proposal.status];
  if (decisions.length === 0) return null;

  return (
    <>
      <Group gap="xs" role="group" aria-label="Decisions">
        {decisions.map((decision, index) => (
          <Button
            key={decision}
            variant={index === 0 ? 'filled' : decision === 'decline' ? 'subtle' : 'default'}
            color={decision === 'decline' ? 'red' : undefined}
            loading={move.isPending && move.variables === decision}
            onClick={() => (DECISIONS_WITH_TERMS.includes(decision) ? setAsking(decision) : move.mutate(decision))}
          >
            {DECISION_LABELS[decision]}
          </Button>
        ))}
      </Group>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? DECISION_LABELS[asking] : ''}
        centered
      >
        {asking && <DecisionForm proposal={proposal} decision={asking} onDone={() => setAsking(null)} />}
      </Modal>
    </>
  );
}

interface TermsValues extends Record<string, unknown> {
  note: string;
  supportType: SupportType | null;
}

/** A decision recorded with its terms: why, and for a selection the support offered. */
function DecisionForm({
  proposal,
  decision,
  onDone,
}: {
  proposal: ProposalDetails;
  decision: Decision;
  onDone(): void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const selecting = decision === 'selectForSupport';
  const { form, onSubmit, submitting, formErrors } = useMutationForm({
    initialValues: { note: '', supportType: null } as TermsValues,
    version: proposal.version,
    mutate: (values, version) =>
      client.proposals[decision]({
        id: proposal.id,
        version: version ?? proposal.version,
        note: values.note.trim() || null,
        ...(selecting ? { supportType: values.supportType } : {}),
      }),
    onSuccess: async (result) => {
      notifications.show({
        color: 'green',
        message: `The proposal is now ${enumWords(result.proposal!.status)}.`,
      });
      await Promise.all(INVALIDATE.map((queryKey) => queries.invalidateQueries({ queryKey })));
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormErrors errors={formErrors} />
        {selecting && (
          <Select
            label="Support offered"
            placeholder="Choose the kind of support"
            data={SUPPORT_TYPES.map((type) => ({ value: type, label: enumLabel(type) }))}
            {...form.getInputProps('supportType')}
          />
        )}
        <Textarea
          label={decision === 'decline' ? 'Why' : 'Note'}
          description="Kept with the decision; the team sees it. Up to 2,000 characters."
          resize="vertical"
          rows={3}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} color={decision === 'decline' ? 'red' : undefined}>
            {DECISION_LABELS[decision]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
