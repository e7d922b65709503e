import { Badge, Button, Checkbox, Group, Modal, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { EnrollmentRole } from '@seminarhub/sdk';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../lib/session.tsx';
import { withChosen } from '../lists/chosen.ts';
import { enumLabel } from '../lists/labels.ts';
import { OrganizationSelect } from '../pickers/pickers.tsx';
import { BulkSummary, inChunks, type Refusal } from './BulkSummary.tsx';
import { ENROLLMENT_ROLES } from './status.ts';
import { useSeminarEnrollments } from './useSeminarEnrollments.ts';

interface Candidate {
  id: string;
  fullName: string;
  organization?: { name: string } | null;
}

/** Staff nominate a whole cohort at once: people chosen from a list, filtered by where they work, one role for all. */
export function EnrollManyButton({ seminarId }: { seminarId: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        Enroll many
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Enroll many participants" size="lg">
        {opened && <EnrollMany seminarId={seminarId} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function EnrollMany({ seminarId, onDone }: { seminarId: string; onDone(): void }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [worksAt, setWorksAt] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 250);
  const [chosen, setChosen] = useState<ReadonlyMap<string, Candidate>>(new Map());
  const [role, setRole] = useState<EnrollmentRole>('PARTICIPANT');
  const [nominatedBy, setNominatedBy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ enrolled: number; refusals: Refusal[] } | null>(null);

  const enrolled = new Map((useSeminarEnrollments(seminarId).data ?? []).map((row) => [row.person.id, row.status]));
  const people = useQuery({
    queryKey: ['pick', 'people-to-enroll', worksAt, search],
    queryFn: () =>
      client.people.list({
        first: 100,
        search: search || null,
        filter: worksAt ? { organizationId: { eq: worksAt } } : null,
        orderBy: { field: 'FAMILY_NAME' },
      }),
    placeholderData: keepPreviousData,
  });
  const shown = people.data?.nodes ?? [];
  const choosable = shown.filter((person) => !enrolled.has(person.id));
  const allShownChosen = choosable.length > 0 && choosable.every((person) => chosen.has(person.id));

  const choose = (candidates: readonly Candidate[], on: boolean) => setChosen(withChosen(chosen, candidates, on));

  const enroll = useMutation({
    mutationFn: async () => {
      const results = await inChunks([...chosen.values()], 100, async (chunk) => {
        const answer = await client.enrollments.applyMany({
          seminarId,
          people: chunk.map((person) => ({ personId: person.id, role, organizationId: nominatedBy })),
        });
        if (!answer.ok) throw new Error(answer.userErrors.map((error) => error.message).join(' '));
        return answer.results;
      });
      return {
        enrolled: results.filter((result) => result.enrollment).length,
        refusals: results
          .filter((result) => result.userErrors.length > 0)
          .map((result) => ({
            name: chosen.get(result.personId)?.fullName ?? 'A person',
            message: result.userErrors.map((error) => error.message).join(' '),
          })),
      };
    },
    onSuccess: setOutcome,
    onError: (error) =>
      setOutcome({ enrolled: 0, refusals: [{ name: 'The enrollment stopped', message: error.message }] }),
    onSettled: () => queries.invalidateQueries({ queryKey: ['list'] }),
  });

  if (outcome)
    return (
      <BulkSummary
        done={
          outcome.enrolled === 1
            ? '1 person is enrolled, waiting for a decision.'
            : `${outcome.enrolled} people are enrolled, waiting for a decision.`
        }
        refusals={outcome.refusals}
        onClose={onDone}
      />
    );

  return (
    <Stack gap="sm">
      <Group grow align="flex-end">
        <OrganizationSelect
          label="Works at"
          placeholder="Any organization"
          value={worksAt}
          onChange={(value) => setWorksAt(value)}
        />
        <TextInput
          label="Search people"
          placeholder="Words or their beginnings"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          data-autofocus
        />
      </Group>
      <Group justify="space-between">
        <Checkbox
          label={`Choose all ${choosable.length} shown`}
          checked={allShownChosen}
          indeterminate={!allShownChosen && choosable.some((person) => chosen.has(person.id))}
          disabled={choosable.length === 0}
          onChange={(event) => choose(choosable, event.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {people.data && people.data.totalCount > shown.length
            ? `The first ${shown.length} of ${people.data.totalCount}: narrow the search to see the others.`
            : `${shown.length} found`}
        </Text>
      </Group>
      <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
        <Stack gap={6} role="group" aria-label="People" aria-busy={people.isFetching}>
          {shown.map((person) => {
            const status = enrolled.get(person.id);
            return (
              <Checkbox
                key={person.id}
                checked={chosen.has(person.id)}
                disabled={status !== undefined}
                onChange={(event) => choose([person], event.currentTarget.checked)}
                label={
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{person.fullName}</Text>
                    {person.organization && (
                      <Text size="xs" c="dimmed">
                        {person.organization.name}
                      </Text>
                    )}
                    {status && (
                      <Badge size="xs" variant="light" color="gray">
                        Enrolled: {enumLabel(status)}
                      </Badge>
                    )}
                  </Group>
                }
                aria-label={person.fullName}
              />
            );
          })}
          {people.data && shown.length === 0 && (
            <Text size="sm" c="dimmed">
              Nobody matches.
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
      <Group grow align="flex-end">
        <Select
          label="Role"
          description="For everyone chosen"
          data={ENROLLMENT_ROLES.map((value) => ({ value, label: enumLabel(value) }))}
          value={role}
          onChange={(value) => value && setRole(value as EnrollmentRole)}
          allowDeselect={false}
        />
        <OrganizationSelect
          label="Nominated by"
          description="The home organization that nominates them, if any"
          placeholder="Type a name"
          value={nominatedBy}
          onChange={(value) => setNominatedBy(value)}
        />
      </Group>
      <Text size="xs" c="dimmed">
        The enrollments start as applied; decide them from the list, many at once if you like.
      </Text>
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" fw={500} data-testid="chosen-count">
            {chosen.size} chosen
          </Text>
          {chosen.size > 0 && (
            <Button variant="subtle" color="gray" size="compact-sm" onClick={() => setChosen(new Map())}>
              Clear
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button onClick={() => enroll.mutate()} loading={enroll.isPending} disabled={chosen.size === 0}>
            {chosen.size === 1 ? 'Enroll 1 person' : `Enroll ${chosen.size} people`}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
