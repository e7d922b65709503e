import { Alert, Skeleton } from '@mantine/core';
import type { Permission, UserRole } from '@seminarhub/sdk';
import type { ReactNode } from 'react';
import { useViewer } from './viewer.ts';

/** Who may open a section: viewers holding any of `permissions`, and, when `roles` is given, only those roles. */
export interface Access {
  permissions: readonly Permission[];
  roles?: readonly UserRole[];
}

/** Programme staff: administrators (READ_ALL) and coordinators (MANAGE_ASSIGNED_SEMINARS). */
export const STAFF: Access = { permissions: ['READ_ALL', 'MANAGE_ASSIGNED_SEMINARS'] };
/**
 * The audit trail: `auditEvents` is "Administrators only" (the API's requireAdmin). READ_ALL alone is not enough,
 * since API keys hold it too, so the role is checked as the API checks it.
 */
export const AUDIT: Access = { permissions: ['READ_ALL'], roles: ['ADMIN'] };
/** API keys: "Create, list and revoke API keys", the MANAGE_API_KEYS permission (administrators). */
export const API_KEYS: Access = { permissions: ['MANAGE_API_KEYS'] };

/** Accounts: `users` and its mutations are for administrators only (requireAdmin), like the audit trail. */
export const ACCOUNTS: Access = { permissions: ['READ_ALL'], roles: ['ADMIN'] };
/** Places: staff record and change them (placeCreate/placeUpdate/placeDelete: administrators and coordinators). */
export const PLACES: Access = STAFF;

/** A reviewer's own section: the proposals assigned to them. */
export const REVIEWS: Access = { permissions: ['REVIEW_ASSIGNED_PROPOSALS'] };
/** A participant's own section: their teams' proposals. Every account reads its own participation, hence the role. */
export const MY_PROPOSALS: Access = { permissions: ['READ_OWN_PARTICIPATION'], roles: ['PARTICIPANT'] };
/** A participant's seminars: their enrollments, agendas, attendance and feedback. */
export const MY_SEMINARS: Access = MY_PROPOSALS;
/**
 * A seminar's proposal page: staff, and reviewers (who see it as the API lets them: their own review and no
 * decisions).
 */
export const PROPOSAL_PAGE: Access = { permissions: [...STAFF.permissions, ...REVIEWS.permissions] };

export function allows(
  access: Access,
  viewer: { permissions: readonly Permission[]; role?: UserRole | null } | null | undefined,
): boolean {
  if (!viewer) return false;
  if (access.roles && !(viewer.role && access.roles.includes(viewer.role))) return false;
  return access.permissions.some((permission) => viewer.permissions.includes(permission));
}

/** A page for some viewers only: others, arriving by a bookmark or a typed address, are told so. */
export function RequireAccess({ access, children }: { access: Access; children: ReactNode }) {
  const viewer = useViewer();
  if (viewer.isPending) return <Skeleton h={200} />;
  if (!allows(access, viewer.data)) {
    return (
      <Alert color="gray" title="Not available" role="alert">
        Your account may not open this page.
      </Alert>
    );
  }
  return <>{children}</>;
}
