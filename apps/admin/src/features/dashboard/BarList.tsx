import { Group, Progress, Stack, Text } from '@mantine/core';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** How the value reads, e.g. "82%" or "4.3"; the value itself by default. */
  display?: string;
}

/**
 * A horizontal bar chart from Mantine's Progress: readable at any width, every value written out for
 * screen readers, and no chart library in the bundle.
 */
export function BarList({ bars, max, testId }: { bars: Bar[]; max?: number; testId: string }) {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <Stack gap={8} data-testid={testId}>
      {bars.map((bar) => (
        <Group key={bar.key} gap="sm" wrap="nowrap" data-testid={`${testId}-row`}>
          <Text size="sm" w={{ base: 120, sm: 220 }} truncate="end" title={bar.label}>
            {bar.label}
          </Text>
          <Progress value={(bar.value / top) * 100} flex={1} aria-label={`${bar.label}: ${bar.display ?? bar.value}`} />
          <Text size="sm" w={44} ta="right" data-testid={`${testId}-value`}>
            {bar.display ?? bar.value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
