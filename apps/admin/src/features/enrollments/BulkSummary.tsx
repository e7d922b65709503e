import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';

export interface Refusal {
  /** Who the row is about. */
  name: string;
  /** The API's own words. */
  message: string;
}

/** What a bulk step came to: how many rows it did, and each refusal named by person with the API's reason. */
export function BulkSummary({ done, refusals, onClose }: { done: string; refusals: Refusal[]; onClose(): void }) {
  return (
    <Stack gap="sm" data-testid="bulk-summary">
      <Text fw={500}>{done}</Text>
      {refusals.length > 0 && (
        <Alert color="orange" variant="light" title={`${refusals.length} not done`}>
          <List size="sm" spacing={4}>
            {refusals.map((refusal) => (
              <List.Item key={`${refusal.name}:${refusal.message}`}>
                <Text span fw={500} size="sm">
                  {refusal.name}
                </Text>
                : {refusal.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

/** The rows in calls of at most `size`, one after the other: the API takes 100 rows a call. */
export async function inChunks<Row, Result>(
  rows: readonly Row[],
  size: number,
  run: (chunk: Row[]) => Promise<Result[]>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < rows.length; start += size) results.push(...(await run(rows.slice(start, start + size))));
  return results;
}
