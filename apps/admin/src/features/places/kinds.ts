import type { PlaceKind } from '@seminarhub/sdk';

export const PLACE_KINDS: PlaceKind[] = ['VENUE', 'SITE', 'HOTEL', 'OTHER'];
