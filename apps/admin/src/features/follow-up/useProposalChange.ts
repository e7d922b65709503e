import { notifications } from '@mantine/notifications';
import type { MutationResult } from '@seminarhub/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

type AnyResult = MutationResult<{
  userErrors: readonly { field?: readonly string[] | null; message: string; code: string }[];
}>;

/**
 * A one-click change to a proposal's team or follow-up whose refusal belongs beside what was clicked:
 * `error` holds the API's words, keyed by the row (or field) the caller names; success says so and
 * reads the proposal again.
 */
export function useProposalChange<Args>(run: (args: Args) => Promise<AnyResult>, success: (args: Args) => string) {
  const queries = useQueryClient();
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ args }: { key: string; args: Args }) => run(args),
    onMutate: () => setError(null),
    onSuccess: async (result, { key, args }) => {
      if (result.ok) notifications.show({ color: 'green', message: success(args) });
      else setError({ key, message: result.userErrors.map((e) => e.message).join(' ') });
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['proposal'] }),
        queries.invalidateQueries({ queryKey: ['list'] }),
      ]);
    },
    onError: (failure, { key }) => setError({ key, message: failure.message }),
  });
  return {
    run: (key: string, args: Args) => mutation.mutate({ key, args }),
    pending: (key: string) => mutation.isPending && mutation.variables?.key === key,
    errorFor: (key: string) => (error?.key === key ? error.message : null),
    clearError: () => setError(null),
  };
}
