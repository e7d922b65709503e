import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list cell that opens its row in an editor, for viewers who may edit; plain text for the others. */
export function EditLink({ onEdit, children }: { onEdit?: () => void; children: ReactNode }) {
  if (!onEdit) return <>{children}</>;
  return (
    <Anchor component="button" type="button" size="sm" ta="left" onClick={onEdit}>
      {children}
    </Anchor>
  );
}
