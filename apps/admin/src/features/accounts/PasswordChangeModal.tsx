import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';

/** The signed-in user changes their own password; their other sessions are signed out, this one stays. */
export function PasswordChangeModal({ onClose }: { onClose(): void }) {
  const { client } = useSession();
  const { form, submitting, formErrors, onSubmit } = useMutationForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      currentPassword: (value: string) => (value ? null : 'Type the password you signed in with.'),
      confirmation: (value: string, values) =>
        value === values.newPassword ? null : 'The two new passwords are not the same.',
    },
    mutate: (values) =>
      client.auth.passwordChange({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      notifications.show({
        color: 'green',
        message: 'Your password is changed. Your other sessions are signed out; this one stays signed in.',
      });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Change your password">
      <form onSubmit={onSubmit} noValidate aria-label="Change your password">
        <Stack gap="sm">
          <FormErrors errors={formErrors} />
          <PasswordInput
            label="Current password"
            required
            autoComplete="current-password"
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="12 characters or more, not your email"
            required
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="New password again"
            required
            autoComplete="new-password"
            {...form.getInputProps('confirmation')}
          />
          <Text size="xs" c="dimmed">
            Your sessions in other browsers and devices are signed out.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
