import { Button, Menu } from '@mantine/core';
import { useAction } from '../../lib/actions.ts';
import { useSession } from '../../lib/session.tsx';
import { enumWords } from '../lists/labels.ts';
import { ENROLLMENT_STEPS, type EnrollmentRow, type EnrollmentStep, stepsFrom } from './status.ts';

/** The steps an enrollment can take from its status, as a menu on its row. For staff only. */
export function EnrollmentActions({ row }: { row: EnrollmentRow }) {
  const { client } = useSession();
  const step = useAction((name: EnrollmentStep) => client.enrollments[name]({ id: row.id, version: row.version }), {
    success: ({ enrollment, promoted }) =>
      `${enrollment!.person.fullName} is now ${enumWords(enrollment!.status)}.` +
      (promoted ? ` ${promoted.person.fullName}, first on the waiting list, was offered the freed place.` : ''),
  });
  const steps = stepsFrom(row.status);
  if (steps.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="light"
          loading={step.isPending}
          aria-label={`Actions for ${row.person.fullName}`}
        >
          Actions
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {steps.map((name) => {
          const { label } = ENROLLMENT_STEPS[name];
          const danger = 'danger' in ENROLLMENT_STEPS[name];
          return (
            <Menu.Item key={name} color={danger ? 'red' : undefined} onClick={() => step.mutate(name)}>
              {label}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
