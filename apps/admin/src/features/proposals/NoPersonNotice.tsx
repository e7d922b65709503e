import { Alert } from '@mantine/core';

/** For an account not linked to a person: reviews and proposals belong to people, so there is nothing to list. */
export function NoPersonNotice() {
  return (
    <Alert color="gray" variant="light" title="This account is not linked to a person">
      Reviews and proposals belong to people. Ask an administrator to link your account to your person record.
    </Alert>
  );
}
