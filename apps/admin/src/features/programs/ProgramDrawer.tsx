import { Alert, Divider, Drawer, Skeleton, Stack, Text } from '@mantine/core';
import type { ProgramFieldsFragment } from '@seminarhub/sdk';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { ProgramForm } from './ProgramForm.tsx';
import { ReviewCriteria } from './ReviewCriteria.tsx';

/**
 * The programme editor, a drawer over the list: /programs/new creates (administrators), /programs/:programId
 * changes one (administrators and its coordinators) with its review criteria. Closing it goes back to the list;
 * with unsaved edits, the form's guard asks first.
 */
export function ProgramDrawer() {
  const { programId } = useParams();
  const creating = !programId;
  const { client } = useSession();
  const viewer = useViewer();
  const admin = viewer.role === 'ADMIN';
  const navigate = useNavigate();
  const { search } = useLocation();
  const queries = useQueryClient();
  const program = useQuery({
    enabled: !creating,
    queryKey: ['program', programId],
    queryFn: () => client.programs.get(programId!),
  });
  const close = useCallback(() => navigate({ pathname: '/programs', search }), [navigate, search]);
  const saved = useCallback(
    (saved: ProgramFieldsFragment, created: boolean) => {
      void queries.invalidateQueries({ queryKey: ['list'] });
      if (created) {
        navigate({ pathname: `/programs/${saved.id}`, search });
      } else {
        queries.setQueryData(['program', saved.id], (old: typeof program.data) => (old ? { ...old, ...saved } : old));
      }
    },
    [navigate, queries, search],
  );

  let body: React.ReactNode;
  if (creating && !viewer.isPending && !admin) {
    body = <Alert color="gray">Only administrators set up programmes.</Alert>;
  } else if (creating) {
    body = <ProgramForm admin={admin} onSaved={saved} onCancel={close} />;
  } else if (program.isPending) {
    body = <Skeleton h={400} />;
  } else if (program.isError) {
    body = <Text c="red">The programme could not be loaded: {program.error.message}</Text>;
  } else if (!program.data) {
    body = <Text>There is no such programme.</Text>;
  } else {
    const p = program.data;
    body = (
      <Stack gap="xl">
        {/* A new version (saved here, or reloaded) starts the form again from it. */}
        <ProgramForm key={`${p.id}:${p.version}`} program={p} admin={admin} onSaved={saved} onCancel={close} />
        <Divider />
        <ReviewCriteria programId={p.id} criteria={p.reviewCriteria} />
      </Stack>
    );
  }

  return (
    <Drawer
      opened
      onClose={close}
      position="right"
      size="xl"
      title={creating ? 'New programme' : (program.data?.title ?? 'Programme')}
      closeButtonProps={{ 'aria-label': 'Close the editor' }}
    >
      {body}
    </Drawer>
  );
}
