import { Alert, Button, Group, List, Text } from '@mantine/core';

/** Errors the API gave about the whole form rather than one field; announced to screen readers. */
export function FormErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <Alert color="red" title="Not saved" role="alert" variant="light">
      {errors.length === 1 ? (
        <Text size="sm">{errors[0]}</Text>
      ) : (
        <List size="sm">
          {errors.map((error) => (
            <List.Item key={error}>{error}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/**
 * What happened when someone else saved first, and the two ways on: take their version, or put these
 * edits on top of it.
 */
export function ConflictNotice({ what, onReload, onReapply }: { what: string; onReload(): void; onReapply(): void }) {
  return (
    <Alert color="orange" title={`Someone else changed this ${what}`} role="alert" variant="light">
      <Text size="sm" mb="sm">
        It was saved by someone else after you opened it, so your changes were not saved. Reload to see their version
        (your edits are discarded), or save your edits over it.
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={onReload}>
          Reload their version
        </Button>
        <Button size="xs" color="orange" onClick={onReapply}>
          Save mine over theirs
        </Button>
      </Group>
    </Alert>
  );
}
