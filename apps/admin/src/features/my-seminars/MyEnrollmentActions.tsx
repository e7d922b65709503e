import { Button, Group, Modal, Text } from '@mantine/core';
import type { SeminarStatus } from '@seminarhub/sdk';
import { useState } from 'react';
import { useAction } from '../../lib/actions.ts';
import { useSession } from '../../lib/session.tsx';
import { ENROLLMENT_STEPS } from '../enrollments/status.ts';
import type { MyEnrollment } from './participation.ts';

/** Seminars still deciding places: once one is over or called off, a place is neither confirmed nor given up. */
const DECIDING: SeminarStatus[] = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS'];

const can = (step: 'confirm' | 'withdraw', enrollment: MyEnrollment) =>
  DECIDING.includes(enrollment.seminar.status) &&
  (ENROLLMENT_STEPS[step].from as readonly string[]).includes(enrollment.status);

/**
 * The steps a participant takes on their own enrollment while the seminar still decides places: confirm an
 * offered place, and withdraw (asked first).
 */
export function MyEnrollmentActions({ enrollment }: { enrollment: MyEnrollment }) {
  const seminarTitle = enrollment.seminar.title;
  const { client } = useSession();
  const [asking, setAsking] = useState(false);
  const input = { id: enrollment.id, version: enrollment.version };
  const confirm = useAction(() => client.enrollments.confirm(input), {
    success: 'Your place is confirmed. See you there.',
  });
  const withdraw = useAction(() => client.enrollments.withdraw(input), {
    success: 'You have withdrawn from the seminar.',
    onSuccess: () => setAsking(false),
  });
  if (!can('confirm', enrollment) && !can('withdraw', enrollment)) return null;

  return (
    <Group gap="xs">
      {can('confirm', enrollment) && (
        <Button size="compact-sm" loading={confirm.isPending} onClick={() => confirm.mutate(undefined)}>
          Confirm my place
        </Button>
      )}
      {can('withdraw', enrollment) && (
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setAsking(true)}>
          Withdraw
        </Button>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title="Withdraw from this seminar?" centered>
        <Text size="sm" mb="md">
          You give up your{' '}
          {enrollment.status === 'CONFIRMED' || enrollment.status === 'ACCEPTED' ? 'place' : 'application'} in “
          {seminarTitle}”. This cannot be undone: to take part again, you would have to apply anew.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setAsking(false)}>
            Stay enrolled
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
            Withdraw
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
