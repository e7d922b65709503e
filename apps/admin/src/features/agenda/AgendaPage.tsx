import { Button } from '@mantine/core';
import type { SessionFieldsFragment } from '@seminarhub/sdk';
import { useState } from 'react';
import { useCanManageSeminar, useSeminar } from '../seminars/useSeminar.ts';
import { AgendaDays, useAgenda } from './AgendaDays.tsx';
import { SessionEditor } from './SessionEditor.tsx';

/** What the editor is open on: a session, or a new one on a day. */
type Editing = { session: SessionFieldsFragment } | { day: string } | null;

/** The seminar's agenda, day by day in the seminar's own time zone, with the session editor for staff. */
export function AgendaPage() {
  const seminar = useSeminar().data!;
  const staff = useCanManageSeminar();
  const [editing, setEditing] = useState<Editing>(null);
  const sessions = useAgenda(seminar.id);

  return (
    <>
      <AgendaDays
        seminar={seminar}
        sessions={sessions}
        {...(staff && {
          actions: <Button onClick={() => setEditing({ day: seminar.startDate })}>Add session</Button>,
          onAddOnDay: (day: string) => setEditing({ day }),
          onEdit: (session: SessionFieldsFragment) => setEditing({ session }),
        })}
      />
      {editing && (
        <SessionEditor
          seminar={seminar}
          session={'session' in editing ? editing.session : null}
          day={'day' in editing ? editing.day : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
