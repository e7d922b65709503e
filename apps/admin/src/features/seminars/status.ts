import type { SeminarStatus } from '@seminarhub/sdk';

export const SEMINAR_STATUSES: SeminarStatus[] = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];

export const SEMINAR_STATUS_COLOURS: Record<SeminarStatus, string> = {
  DRAFT: 'gray',
  PUBLISHED: 'blue',
  IN_PROGRESS: 'green',
  COMPLETED: 'teal',
  CANCELLED: 'red',
};
