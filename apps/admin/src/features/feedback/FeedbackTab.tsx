import { Badge, Blockquote, Card, Group, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { EnrollmentsListDocument, SessionsListDocument } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { rating as formatRating } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useSeminar } from '../seminars/useSeminar.ts';
import { type FeedbackFigures, feedbackFigures } from './feedback.ts';

const RATING_LABELS = ['1 poor', '2', '3', '4', '5 excellent'];

/** How many of the listed ratings gave each value, 5 at the top: Mantine's Progress, no chart library. */
function Distribution({ figures }: { figures: FeedbackFigures }) {
  const top = Math.max(1, ...figures.distribution);
  return (
    <Stack gap={4} data-testid="rating-distribution" aria-label="Ratings by value">
      {[5, 4, 3, 2, 1].map((value) => {
        const count = figures.distribution[value - 1]!;
        return (
          <Group key={value} gap="xs" wrap="nowrap" data-testid="rating-distribution-row" data-rating={value}>
            <Text size="xs" w={72} c="dimmed">
              {RATING_LABELS[value - 1]}
            </Text>
            <Progress
              value={(count / top) * 100}
              flex={1}
              size="md"
              color={value >= 4 ? 'teal' : value === 3 ? 'yellow' : 'red'}
              aria-label={`Rated ${value}: ${count}`}
            />
            <Text size="xs" w={24} ta="right" data-testid="rating-distribution-count">
              {count}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

function FiguresCard({ figures }: { figures: FeedbackFigures }) {
  const hidden = figures.feedbackCount - figures.ratings.length;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-label={figures.title}
      data-testid="feedback-card"
    >
      <Stack gap="sm">
        <Title order={3} size="h6" lineClamp={2} data-testid="feedback-title">
          {figures.title}
        </Title>
        {figures.feedbackCount === 0 ? (
          <Text size="sm" c="dimmed">
            No feedback yet.
          </Text>
        ) : (
          <>
            <Group gap="lg" align="baseline">
              <Text size="xl" fw={700} data-testid="feedback-average">
                {formatRating(figures.averageRating)}
                <Text span size="sm" c="dimmed" fw={400}>
                  {' '}
                  / 5
                </Text>
              </Text>
              <Text size="sm" c="dimmed" data-testid="feedback-count">
                {figures.feedbackCount} {figures.feedbackCount === 1 ? 'rating' : 'ratings'}
              </Text>
            </Group>
            <Distribution figures={figures} />
            {hidden > 0 && (
              <Text size="xs" c="dimmed" data-testid="feedback-anonymous">
                {hidden} anonymous {hidden === 1 ? 'rating counts' : 'ratings count'} in the average and the number
                above. The API never lists anonymous feedback to staff, so {hidden === 1 ? 'it is' : 'they are'} not in
                the distribution or the comments.
              </Text>
            )}
            {figures.ratings.some((r) => r.comment) && (
              <Stack gap={6} data-testid="feedback-comments">
                {figures.ratings
                  .filter((r) => r.comment)
                  .map((r) => (
                    <Blockquote key={r.id} p="xs" radius="sm" color="gray" data-testid="feedback-comment">
                      <Text size="sm">{r.comment}</Text>
                      <Group gap={6} mt={4}>
                        <Badge size="xs" variant="light">
                          {r.rating} / 5
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {r.by ?? 'Anonymous'}
                        </Text>
                      </Group>
                    </Blockquote>
                  ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The seminar's Feedback tab: the seminar as a whole, then each session in agenda order, with the API's mean
 * and count, the ratings by value and the comments.
 */
export function FeedbackTab() {
  const seminar = useSeminar();
  const { client } = useSession();
  const seminarId = seminar.data?.id;
  const figures = useQuery({
    enabled: !!seminarId,
    queryKey: ['seminar', seminarId, 'feedback'],
    queryFn: async () => {
      const filter = { seminarId: { eq: seminarId! } };
      const sessions = [];
      for await (const session of client.paginate(SessionsListDocument, { filter }, { path: 'sessions' })) {
        sessions.push(session);
      }
      const enrollments = [];
      for await (const enrollment of client.paginate(EnrollmentsListDocument, { filter }, { path: 'enrollments' })) {
        enrollments.push(enrollment);
      }
      return { sessions, enrollments };
    },
  });

  if (!seminar.data || figures.isPending) {
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} h={220} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  if (figures.isError) return <Text c="red">The feedback could not be loaded: {figures.error.message}</Text>;
  const { seminar: whole, sessions } = feedbackFigures(seminar.data, figures.data.sessions, figures.data.enrollments);
  const rated = sessions.filter((s) => s.feedbackCount > 0);
  const unrated = sessions.filter((s) => s.feedbackCount === 0);
  return (
    <Stack gap="md" data-testid="feedback-tab">
      <FiguresCard figures={whole} />
      <Title order={2} size="h5">
        Sessions ({rated.length} of {sessions.length} rated)
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {rated.map((figures) => (
          <FiguresCard key={figures.key} figures={figures} />
        ))}
      </SimpleGrid>
      {unrated.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="feedback-unrated">
          Not rated yet: {unrated.map((s) => s.title).join('; ')}.
        </Text>
      )}
    </Stack>
  );
}
