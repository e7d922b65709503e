import { Button, Checkbox, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { MY_ENROLLMENTS, type MyEnrollment, type MyFeedback } from './participation.ts';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/**
 * A participant's rating of a session, or of the seminar when no session is given: given once, then
 * changed or deleted. Anonymity is chosen when giving it and stays as chosen.
 */
export function FeedbackForm({
  seminarId,
  sessionId,
  existing,
  onDone,
}: {
  seminarId: string;
  sessionId?: string;
  existing?: MyFeedback | undefined;
  onDone(): void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string[]>([]);
  const refresh = () => queries.invalidateQueries({ queryKey: MY_ENROLLMENTS });
  const { form, onSubmit, submitting, formErrors, conflict, reloadTheirs, reapplyMine } = useMutationForm({
    initialValues: {
      rating: existing ? String(existing.rating) : '',
      comment: existing?.comment ?? '',
      anonymous: existing?.anonymous ?? false,
    },
    ...(existing && { version: existing.version }),
    validate: { rating: (value) => (value ? null : 'Choose a rating from 1 to 5.') },
    mutate: (values, version) => {
      const comment = values.comment.trim() || null;
      return existing
        ? client.feedback.update({ id: existing.id, version: version!, rating: Number(values.rating), comment })
        : client.feedback.give({
            seminarId,
            ...(sessionId && { sessionId }),
            rating: Number(values.rating),
            comment,
            anonymous: values.anonymous,
          });
    },
    onSuccess: async () => {
      await refresh();
      onDone();
    },
    reload: async () => {
      await queries.refetchQueries({ queryKey: MY_ENROLLMENTS });
      const theirs = queries
        .getQueriesData<MyEnrollment[]>({ queryKey: MY_ENROLLMENTS })
        .flatMap(([, rows]) => rows ?? [])
        .flatMap((row) => row.feedback)
        .find((feedback) => feedback.id === existing?.id);
      if (!theirs) throw new Error('This feedback was deleted meanwhile.');
      return {
        values: { rating: String(theirs.rating), comment: theirs.comment ?? '', anonymous: theirs.anonymous },
        version: theirs.version,
      };
    },
  });

  async function remove() {
    if (!existing) return;
    setDeleting(true);
    try {
      const result = await client.feedback.delete({ id: existing.id, version: existing.version });
      if (!result.ok) return setDeleteError(result.userErrors.map((error) => error.message));
      await refresh();
      onDone();
    } finally {
      setDeleting(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label={sessionId ? 'Session feedback' : 'Seminar feedback'}>
      <Stack gap="sm">
        <FormErrors errors={[...formErrors, ...deleteError]} />
        {conflict && <ConflictNotice what="feedback" onReload={reloadTheirs} onReapply={reapplyMine} />}
        <Radio.Group label="Rating" description="1 poor, 5 excellent" withAsterisk {...form.getInputProps('rating')}>
          <Group gap="md" mt={4}>
            {RATINGS.map((value) => (
              <Radio key={value} value={value} label={value} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label="Comment"
          description="Up to 2,000 characters."
          autosize
          minRows={3}
          {...form.getInputProps('comment')}
        />
        {existing ? (
          <Text size="sm" c="dimmed">
            {existing.anonymous
              ? 'Given anonymously: staff see the rating in the figures, never who gave it.'
              : 'Given with your name.'}
          </Text>
        ) : (
          <Checkbox
            label="Give anonymously"
            description="Staff see the rating in the figures, never who gave it."
            {...form.getInputProps('anonymous', { type: 'checkbox' })}
          />
        )}
        <Group justify="space-between">
          {existing ? (
            <Button variant="subtle" color="red" loading={deleting} onClick={remove}>
              Delete my feedback
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={submitting}>
            {existing ? 'Save feedback' : 'Give feedback'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
