import {
  SessionKind as SessionKindEnum,
  type Session as SessionRow,
  type SessionSpeaker as SessionSpeakerRow,
  SpeakerRole as SpeakerRoleEnum,
} from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

registerEnumType(SessionKindEnum, {
  name: 'SessionKind',
  description: 'What kind of agenda item a session is.',
  valuesConfig: {
    OPENING: { description: 'Opening ceremony or opening day.' },
    ORIENTATION: { description: 'Orientation on the programme and logistics.' },
    PRESENTATION: { description: 'A presentation, for example by the partner ministry.' },
    LECTURE: { description: 'An expert lecture.' },
    PANEL: { description: 'A panel discussion.' },
    WORKSHOP: { description: 'A hands-on workshop.' },
    COUNTRY_REPORT: { description: "Participants present their country's situation." },
    SITE_VISIT: { description: 'A visit to an institution or project.' },
    CULTURAL_VISIT: { description: 'A visit to historical and cultural sites.' },
    ACTION_PLAN_WORKSHOP: { description: 'Teams work on their proposals.' },
    ACTION_PLAN_PRESENTATION: { description: 'Teams present their proposals to experts.' },
    EVALUATION: { description: 'Evaluation of the seminar.' },
    CLOSING: { description: 'Closing ceremony.' },
    BREAK: { description: 'A break; not attended.' },
    TRANSFER: { description: 'Travel between places.' },
  },
});

registerEnumType(SpeakerRoleEnum, {
  name: 'SpeakerRole',
  description: 'The part a person plays in a session.',
  valuesConfig: {
    SPEAKER: { description: 'Gives the lecture or talk.' },
    PRESENTER: { description: 'Presents, for example for the partner ministry.' },
    MODERATOR: { description: 'Chairs the session.' },
    PANELIST: { description: 'Sits on a panel.' },
    SITE_HOST: { description: 'Receives and guides the group at a site.' },
    INTERPRETER: { description: 'Interprets.' },
    FACILITATOR: { description: 'Facilitates a workshop.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    "An item of a seminar's agenda: a lecture, presentation, site visit or cultural visit, with its speakers.",
})
export class Session extends Node implements Partial<SessionRow> {
  @Field(() => SessionKindEnum, { description: 'What kind of agenda item this is.' })
  kind!: SessionKindEnum;

  @Field(() => String, { description: 'Title as printed on the agenda.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the session covers.' })
  description!: string | null;

  @Field(() => DateTime, { description: 'When it starts (ISO 8601, UTC).' })
  startsAt!: Date;

  @Field(() => DateTime, { description: 'When it ends (ISO 8601, UTC).' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Language it is given in (BCP 47, "ko", "en").' })
  language!: string | null;

  @Field(() => Boolean, { description: 'Whether attendance counts towards completion.' })
  attendanceRequired!: boolean;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  seminarId!: string;
  placeId!: string | null;
  hostOrganizationId!: string | null;
}

@ObjectType({ description: 'A person speaking, presenting or hosting in a session, in agenda order.' })
export class SessionSpeaker implements Partial<SessionSpeakerRow> {
  @Field(() => SpeakerRoleEnum, { description: 'The part the person plays.' })
  role!: SpeakerRoleEnum;

  @Field(() => Int, { description: 'Order on the agenda, lowest first.' })
  position!: number;

  personId!: string;
}

export const SessionConnection = connectionType(Session, 'Session', 'agenda sessions');
