import { Button, Group, Modal, Text } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useBlocker } from 'react-router';

/** Asks before leaving a page with unsaved edits: in-app navigation, and closing or reloading the tab. */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );
  useWindowEvent('beforeunload', (event) => {
    if (when) event.preventDefault();
  });
  return (
    <DiscardChangesModal
      opened={blocker.state === 'blocked'}
      onStay={() => blocker.reset?.()}
      onDiscard={() => blocker.proceed?.()}
    />
  );
}

/** The question both the guard and closable editors ask. */
export function DiscardChangesModal({
  opened,
  onStay,
  onDiscard,
}: {
  opened: boolean;
  onStay(): void;
  onDiscard(): void;
}) {
  return (
    <Modal opened={opened} onClose={onStay} title="Discard unsaved changes?" centered>
      <Text size="sm" mb="md">
        Your changes have not been saved. If you leave now, they are lost.
      </Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onStay} data-autofocus>
          Keep editing
        </Button>
        <Button color="red" onClick={onDiscard}>
          Discard changes
        </Button>
      </Group>
    </Modal>
  );
}
