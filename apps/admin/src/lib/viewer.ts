import type { Permission } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { useSession } from './session.tsx';

/** Who is signed in and what they may do; screens offer only the actions the viewer's permissions allow. */
export function useViewer() {
  const { client } = useSession();
  const viewer = useQuery({ queryKey: ['viewer'], queryFn: () => client.auth.viewer() });
  const permissions = viewer.data?.permissions ?? [];
  return {
    ...viewer,
    role: viewer.data?.role ?? null,
    /** The person behind the account, for "my" views (a participant's proposals, a reviewer's reviews). */
    personId: viewer.data?.user?.person?.id ?? null,
    can: (...any: Permission[]) => any.some((permission) => permissions.includes(permission)),
  };
}

/** Programme staff: administrators, and coordinators of the seminars assigned to them. */
export function useIsStaff() {
  const { can } = useViewer();
  return can('MANAGE_ASSIGNED_SEMINARS') || (can('READ_ALL') && can('WRITE'));
}
