import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { EnrollmentRole } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { OrganizationSelect, PersonSelect } from '../pickers/pickers.tsx';
import { ENROLLMENT_ROLES } from './status.ts';

interface Values extends Record<string, unknown> {
  personId: string | null;
  role: EnrollmentRole;
  organizationId: string | null;
}

const EMPTY: Values = { personId: null, role: 'PARTICIPANT', organizationId: null };

/** Staff nominate a person for the seminar; the enrollment starts APPLIED, to be decided like any other. */
export function EnrollButton({ seminarId }: { seminarId: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>Enroll a participant</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Enroll a participant" size="md">
        {opened && <EnrollForm seminarId={seminarId} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function EnrollForm({ seminarId, onDone }: { seminarId: string; onDone(): void }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const { form, onSubmit, submitting, formErrors } = useMutationForm({
    initialValues: EMPTY,
    validate: { personId: (value) => (value ? null : 'Choose the person to enroll.') },
    mutate: (values) =>
      client.enrollments.apply({
        seminarId,
        personId: values.personId,
        role: values.role,
        organizationId: values.organizationId,
      }),
    onSuccess: async (result) => {
      notifications.show({
        color: 'green',
        message: `${result.enrollment!.person.fullName} is enrolled, waiting for a decision.`,
      });
      await queries.invalidateQueries({ queryKey: ['list'] });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormErrors errors={formErrors} />
        <PersonSelect
          label="Person"
          placeholder="Type a name"
          required
          data-autofocus
          {...form.getInputProps('personId')}
          value={form.values.personId}
          onChange={(value) => form.setFieldValue('personId', value)}
        />
        <Select
          label="Role"
          data={ENROLLMENT_ROLES.map((role) => ({ value: role, label: enumLabel(role) }))}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <OrganizationSelect
          label="Nominated by"
          description="The home organization that nominates them, if any."
          placeholder="Type a name"
          {...form.getInputProps('organizationId')}
          value={form.values.organizationId}
          onChange={(value) => form.setFieldValue('organizationId', value)}
        />
        <Text size="xs" c="dimmed">
          The enrollment starts as applied; accept it, or put it on the waiting list, from the list.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Enroll
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
