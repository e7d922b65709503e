import type { SessionKind, SpeakerRole } from '@seminarhub/sdk';

/** Colours by the kind of day part, so a week reads at a glance: lectures, visits, ceremonies, breaks. */
export const KIND_COLOURS: Record<SessionKind, string> = {
  ACTION_PLAN_PRESENTATION: 'grape',
  ACTION_PLAN_WORKSHOP: 'grape',
  BREAK: 'gray',
  CLOSING: 'indigo',
  COUNTRY_REPORT: 'cyan',
  CULTURAL_VISIT: 'orange',
  EVALUATION: 'indigo',
  LECTURE: 'blue',
  OPENING: 'indigo',
  ORIENTATION: 'indigo',
  PANEL: 'teal',
  PRESENTATION: 'teal',
  SITE_VISIT: 'green',
  TRANSFER: 'gray',
  WORKSHOP: 'grape',
};

export const SESSION_KINDS = Object.keys(KIND_COLOURS) as SessionKind[];

export const SPEAKER_ROLES: SpeakerRole[] = [
  'SPEAKER',
  'PRESENTER',
  'MODERATOR',
  'PANELIST',
  'FACILITATOR',
  'SITE_HOST',
  'INTERPRETER',
];
