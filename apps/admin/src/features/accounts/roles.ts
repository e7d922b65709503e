import type { UserRole, UsersListQuery } from '@seminarhub/sdk';

/** An account as the accounts list reads it: its fields, its person and a coordinator's assignments. */
export type Account = UsersListQuery['users']['nodes'][number];

export const ROLES: { value: UserRole; label: string; description: string }[] = [
  { value: 'ADMIN', label: 'Administrator', description: 'Runs the installation: everything, accounts included.' },
  { value: 'COORDINATOR', label: 'Coordinator', description: 'Manages the programmes and seminars assigned below.' },
  { value: 'REVIEWER', label: 'Reviewer', description: 'Reviews the proposals assigned to their person.' },
  { value: 'PARTICIPANT', label: 'Participant', description: 'Takes part: their enrollments and team proposals.' },
];

export const roleLabel = (role: UserRole) => ROLES.find((r) => r.value === role)?.label ?? role;

/** The hand-over of a password the API generated: the same words for a new account and a reset. */
export const GENERATED_PASSWORD_WARNING =
  'SeminarHub keeps only a hash of it, so nobody can show it again. Hand it over safely (not in the same email as the address), and ask them to change it after signing in.';
