import { notifications } from '@mantine/notifications';
import type { MutationResult, Succeeded } from '@seminarhub/sdk';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

type AnyResult = MutationResult<{ userErrors: readonly { message: string; code: string }[] }>;

export interface ActionOptions<Result extends AnyResult> {
  /** Said when it worked. */
  success: string | ((result: Succeeded<Result>) => string);
  /** Queries to read again afterwards; all of them by default, since one step can move many figures. */
  invalidate?: QueryKey[];
  onSuccess?(result: Succeeded<Result>): void;
}

/**
 * A one-click mutation (accept an enrollment, publish a seminar): says what happened in a notification,
 * the API's own words when it refused, and reads the affected queries again.
 */
export function useAction<Args, Result extends AnyResult>(
  run: (args: Args) => Promise<Result>,
  options: ActionOptions<Result>,
) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      if (result.ok) {
        const ok = result as Succeeded<Result>;
        notifications.show({
          color: 'green',
          message: typeof options.success === 'string' ? options.success : options.success(ok),
        });
        options.onSuccess?.(ok);
      } else {
        notifications.show({
          color: 'red',
          title: 'Not done',
          message: result.userErrors.map((error) => error.message).join(' '),
        });
      }
      await Promise.all((options.invalidate ?? [['list']]).map((queryKey) => queries.invalidateQueries({ queryKey })));
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not done', message: error.message }),
  });
}
