import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { dateTime } from '../../lib/format.ts';
import { enumLabel } from '../lists/labels.ts';
import { RECOMMENDATION_COLOURS } from './status.ts';
import type { ProposalDetails } from './useProposals.ts';

type Review = ProposalDetails['reviews']['nodes'][number];

/** The experts' reviews the viewer may read: recommendation, weighted score and the score per criterion. */
export function ReviewsList({ reviews }: { reviews: readonly Review[] }) {
  if (reviews.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No reviews handed in yet.
      </Text>
    );
  return (
    <Stack gap="sm">
      {reviews.map((review) => (
        <Card key={review.id} withBorder padding="md" data-testid="review">
          <Group justify="space-between" wrap="wrap" mb="xs">
            <Stack gap={0}>
              <Text fw={600}>{review.reviewer.fullName}</Text>
              <Text size="xs" c="dimmed">
                {review.submittedAt ? `Submitted ${dateTime(review.submittedAt)}` : 'Draft'}
              </Text>
            </Stack>
            <Group gap="xs">
              {review.conflictDeclared && (
                <Badge color="red" variant="outline">
                  Conflict declared
                </Badge>
              )}
              <Badge color={RECOMMENDATION_COLOURS[review.recommendation]} variant="light">
                Recommends: {enumLabel(review.recommendation)}
              </Badge>
              {review.weightedScore != null && <Badge variant="default">Score {review.weightedScore}</Badge>}
            </Group>
          </Group>
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Criterion</Table.Th>
                <Table.Th ta="right">Score</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.scores.map((score) => (
                <Table.Tr key={score.criterion.id}>
                  <Table.Td>{score.criterion.name}</Table.Td>
                  <Table.Td ta="right">
                    {score.score} / {score.criterion.maxScore}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {review.comment && (
            <Stack gap={2} mt="xs">
              <Title order={4} size="h6">
                Comment for staff
              </Title>
              <Text size="sm">{review.comment}</Text>
            </Stack>
          )}
          {review.commentToAuthors && (
            <Stack gap={2} mt="xs">
              <Title order={4} size="h6">
                Comment to the authors
              </Title>
              <Text size="sm">{review.commentToAuthors}</Text>
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
