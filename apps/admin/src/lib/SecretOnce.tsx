import { Alert, Button, Code, CopyButton, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A secret the API returns only once (an API key, a generated password): shown with a copy button and a
 * warning, until the viewer says it is stored; closing forgets it.
 */
export function SecretOnce({
  title,
  warning,
  secret,
  testId,
  hint,
  doneLabel,
  onDone,
}: {
  title: string;
  warning: ReactNode;
  secret: string;
  testId: string;
  hint?: ReactNode;
  doneLabel: string;
  onDone(): void;
}) {
  return (
    <Stack gap="md">
      <Alert color="orange" title={title} role="alert">
        {warning}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid={testId}>
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal' : undefined} onClick={copy} variant={copied ? 'filled' : 'light'}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      {hint}
      <Group justify="flex-end">
        <Button onClick={onDone}>{doneLabel}</Button>
      </Group>
    </Stack>
  );
}
