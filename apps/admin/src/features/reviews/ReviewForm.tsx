import { Button, Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ProgramsGetQuery, ReviewRecommendation } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { UnsavedChangesGuard } from '../../lib/forms/UnsavedChangesGuard.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { RECOMMENDATIONS } from '../proposals/status.ts';
import type { ProposalDetails } from '../proposals/useProposals.ts';

export type Criterion = NonNullable<ProgramsGetQuery['program']>['reviewCriteria'][number];
type Review = ProposalDetails['reviews']['nodes'][number];

interface ReviewValues extends Record<string, unknown> {
  scores: { criterionId: string; score: number | string }[];
  recommendation: ReviewRecommendation | null;
  comment: string;
  commentToAuthors: string;
  conflictDeclared: boolean;
}

const COMMENTS = [
  { name: 'comment', label: 'Comment for staff and other reviewers', description: undefined },
  { name: 'commentToAuthors', label: 'Comment to the authors', description: "The proposal's team reads this." },
] as const;

function valuesOf(criteria: readonly Criterion[], review: Review | undefined): ReviewValues {
  return {
    scores: criteria.map((criterion) => ({
      criterionId: criterion.id,
      score: review?.scores.find((s) => s.criterion.id === criterion.id)?.score ?? '',
    })),
    recommendation: review?.recommendation ?? null,
    comment: review?.comment ?? '',
    commentToAuthors: review?.commentToAuthors ?? '',
    conflictDeclared: review?.conflictDeclared ?? false,
  };
}

/**
 * The signed-in reviewer's review of one proposal: a score per criterion of the programme, a
 * recommendation and comments. Submitted once with reviews.submit, then changed with reviews.update while
 * the proposal is under review. Ranges are the API's to check, so its own message shows on the score.
 */
export function ReviewForm({
  proposalId,
  criteria,
  review,
  reload,
}: {
  proposalId: string;
  criteria: readonly Criterion[];
  /** The reviewer's review, once submitted. */
  review?: Review;
  /** Reads the review again, for the way out of a version conflict. */
  reload?(): Promise<Review | undefined>;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const editing = Boolean(review);
  const { form, onSubmit, submitting, formErrors, conflict, reloadTheirs, reapplyMine } = useMutationForm({
    initialValues: valuesOf(criteria, review),
    version: review?.version,
    validate: {
      scores: { score: (score) => (score === '' || score == null ? 'Give a score.' : null) },
      recommendation: (value) => (value ? null : 'Choose a recommendation.'),
    },
    mutate: (values, version) => {
      const fields = {
        scores: values.scores.map((entry) => ({ criterionId: entry.criterionId, score: Number(entry.score) })),
        recommendation: values.recommendation!,
        comment: values.comment.trim() || null,
        commentToAuthors: values.commentToAuthors.trim() || null,
        conflictDeclared: values.conflictDeclared,
      };
      return review
        ? client.reviews.update({ id: review.id, version: version ?? review.version, ...fields })
        : client.reviews.submit({ proposalId, ...fields });
    },
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        message: editing ? 'Your review is updated.' : 'Your review is submitted.',
      });
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['proposal', proposalId] }),
        queries.invalidateQueries({ queryKey: ['list'] }),
      ]);
    },
    reload: async () => {
      const fresh = await reload?.();
      if (!fresh) throw new Error('Your review could not be read again.');
      return { values: valuesOf(criteria, fresh), version: fresh.version };
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Review">
      <UnsavedChangesGuard when={form.isDirty() && !submitting} />
      <Stack gap="md">
        {conflict && <ConflictNotice what="review" onReload={reloadTheirs} onReapply={reapplyMine} />}
        <FormErrors errors={formErrors} />
        <Title order={3} size="h4">
          Scores
        </Title>
        {form.errors.scores && (
          <Text c="red" size="sm" role="alert">
            {form.errors.scores}
          </Text>
        )}
        {criteria.map((criterion, index) => {
          const input = form.getInputProps(`scores.${index}.score`);
          return (
            <NumberInput
              key={criterion.id}
              label={`${criterion.name} (${criterion.minScore} to ${criterion.maxScore})`}
              description={criterion.description ?? undefined}
              withAsterisk
              allowDecimal={false}
              // Out-of-range scores are left as typed: the API refuses them and says what the range is.
              clampBehavior="none"
              min={criterion.minScore}
              max={criterion.maxScore}
              maw={360}
              {...input}
              onChange={(value) => {
                form.clearFieldError(`scores.${index}`);
                input.onChange(value);
              }}
              error={form.errors[`scores.${index}`] ?? input.error}
            />
          );
        })}
        <Radio.Group label="Recommendation" withAsterisk {...form.getInputProps('recommendation')}>
          <Group gap="md" mt={4}>
            {RECOMMENDATIONS.map((recommendation) => (
              <Radio key={recommendation} value={recommendation} label={enumLabel(recommendation)} />
            ))}
          </Group>
        </Radio.Group>
        {COMMENTS.map(({ name, label, description }) => (
          <Textarea
            key={name}
            label={label}
            description={description}
            resize="vertical"
            rows={3}
            {...form.getInputProps(name)}
          />
        ))}
        <Checkbox
          label="I declare a conflict of interest with this proposal"
          {...form.getInputProps('conflictDeclared', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            {editing ? 'Save changes' : 'Submit review'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
