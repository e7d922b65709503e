import type { OrganizationType } from '@seminarhub/sdk';

export const ORGANIZATION_TYPES: OrganizationType[] = [
  'MINISTRY',
  'AGENCY',
  'LOCAL_GOVERNMENT',
  'PUBLIC_ENTERPRISE',
  'ACADEMIA',
  'INTERNATIONAL_ORG',
  'DONOR',
  'NGO',
  'PRIVATE',
];
