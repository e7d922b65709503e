import { Button, Drawer, Group } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { DiscardChangesModal } from './UnsavedChangesGuard.tsx';

/** A side panel holding an editor; closing it with unsaved edits asks first. */
export function EditorDrawer({
  title,
  dirty,
  onClose,
  children,
}: {
  title: string;
  dirty: boolean;
  onClose(): void;
  children: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Drawer
      opened
      onClose={() => (dirty ? setConfirming(true) : onClose())}
      position="right"
      size="lg"
      title={title}
      closeButtonProps={{ 'aria-label': 'Close the editor' }}
    >
      {children}
      <DiscardChangesModal
        opened={confirming}
        onStay={() => setConfirming(false)}
        onDiscard={() => {
          setConfirming(false);
          onClose();
        }}
      />
    </Drawer>
  );
}

/** The drawer's foot: delete on the left when the record exists, cancel and save on the right. */
export function EditorActions({
  saveLabel,
  saving,
  onCancel,
  remove,
}: {
  saveLabel: string;
  saving: boolean;
  onCancel(): void;
  remove?: { label: string; pending: boolean; run(): void } | null;
}) {
  return (
    <Group justify="space-between" mt="md">
      {remove ? (
        <Button variant="subtle" color="red" loading={remove.pending} onClick={remove.run}>
          {remove.label}
        </Button>
      ) : (
        <span />
      )}
      <Group gap="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {saveLabel}
        </Button>
      </Group>
    </Group>
  );
}
