import { registerEnumType } from 'type-graphql';
import type { Viewer } from '../../core/auth/viewer.ts';

/** What a viewer may do, so that a client can show or hide actions without knowing the rules. */
export enum Permission {
  READ_PUBLIC = 'READ_PUBLIC',
  READ_ALL = 'READ_ALL',
  READ_ALL_PERSONAL_DETAILS = 'READ_ALL_PERSONAL_DETAILS',
  MANAGE_ASSIGNED_SEMINARS = 'MANAGE_ASSIGNED_SEMINARS',
  REVIEW_ASSIGNED_PROPOSALS = 'REVIEW_ASSIGNED_PROPOSALS',
  READ_OWN_PARTICIPATION = 'READ_OWN_PARTICIPATION',
  WRITE = 'WRITE',
  MANAGE_API_KEYS = 'MANAGE_API_KEYS',
  CHANGE_OWN_PASSWORD = 'CHANGE_OWN_PASSWORD',
}

registerEnumType(Permission, {
  name: 'Permission',
  description: 'Something the viewer may do.',
  valuesConfig: {
    READ_PUBLIC: {
      description:
        "Read published seminars, their agendas, speakers' public profiles, organizations and supported proposals.",
    },
    READ_ALL: { description: 'Read every programme, seminar, enrollment, proposal and review.' },
    READ_ALL_PERSONAL_DETAILS: { description: "Read everyone's contact and personal details." },
    MANAGE_ASSIGNED_SEMINARS: {
      description: 'Manage the programmes and seminars assigned to the viewer, and read their participants’ details.',
    },
    REVIEW_ASSIGNED_PROPOSALS: { description: 'Read and review the proposals assigned to the viewer.' },
    READ_OWN_PARTICIPATION: { description: "Read one's own enrollments and the proposals of one's teams." },
    WRITE: { description: 'Send mutations that change data (API keys with READ scope may not).' },
    MANAGE_API_KEYS: { description: 'Create, list and revoke API keys.' },
    CHANGE_OWN_PASSWORD: { description: "Change one's own password and sign out." },
  },
});

export function permissionsOf(viewer: Viewer): Permission[] {
  if (viewer.kind === 'anonymous') return [Permission.READ_PUBLIC];
  if (viewer.kind === 'apiKey') {
    return [Permission.READ_PUBLIC, Permission.READ_ALL, ...(viewer.scope === 'READ_WRITE' ? [Permission.WRITE] : [])];
  }
  const common = [
    Permission.READ_PUBLIC,
    Permission.READ_OWN_PARTICIPATION,
    Permission.WRITE,
    Permission.CHANGE_OWN_PASSWORD,
  ];
  switch (viewer.role) {
    case 'ADMIN':
      return [...common, Permission.READ_ALL, Permission.READ_ALL_PERSONAL_DETAILS, Permission.MANAGE_API_KEYS];
    case 'COORDINATOR':
      return [...common, Permission.MANAGE_ASSIGNED_SEMINARS];
    case 'REVIEWER':
      return [...common, Permission.REVIEW_ASSIGNED_PROPOSALS];
    case 'PARTICIPANT':
      return common;
  }
}
