import {
  DeliveryMode as DeliveryModeEnum,
  type Seminar as SeminarRow,
  SeminarStatus as SeminarStatusEnum,
} from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime, LocalDate } from '../../core/scalars.ts';

registerEnumType(SeminarStatusEnum, {
  name: 'SeminarStatus',
  description: 'Where a seminar is in its life: DRAFT, then PUBLISHED, IN_PROGRESS and COMPLETED; or CANCELLED.',
  valuesConfig: {
    DRAFT: { description: 'Being planned; visible to staff only.' },
    PUBLISHED: { description: 'Announced: its agenda is public and participants can enrol.' },
    IN_PROGRESS: { description: 'Being held.' },
    COMPLETED: { description: 'Held; follow-up of its proposals continues.' },
    CANCELLED: { description: 'Called off.' },
  },
});

registerEnumType(DeliveryModeEnum, {
  name: 'DeliveryMode',
  description: 'How a seminar is delivered.',
  valuesConfig: {
    IN_PERSON: { description: 'Participants travel to the venue.' },
    ONLINE: { description: 'Held online.' },
    BLENDED: { description: 'Partly online, partly in person.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    "One cohort of a programme: a training of a few weeks for a partner's civil servants, with its agenda, participants and proposals.",
})
export class Seminar extends Node implements Partial<SeminarRow> {
  @Field(() => String, { nullable: true, description: 'Short code of the cohort ("CIAT-UZ-2025").' })
  code!: string | null;

  @Field(() => String, { description: 'Title of the seminar.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Aims of the seminar.' })
  description!: string | null;

  @Field(() => LocalDate, { description: 'First day, in the seminar’s time zone.' })
  startDate!: Date;

  @Field(() => LocalDate, { description: 'Last day, in the seminar’s time zone.' })
  endDate!: Date;

  @Field(() => String, { description: 'IANA time zone the agenda is held in ("Asia/Seoul").' })
  timezone!: string;

  @Field(() => String, { nullable: true, description: 'Main venue.' })
  venue!: string | null;

  @Field(() => String, { nullable: true, description: 'City or cities where it is held.' })
  city!: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the host country.' })
  countryCode!: string;

  @Field(() => DeliveryModeEnum, { description: 'How the seminar is delivered.' })
  deliveryMode!: DeliveryModeEnum;

  @Field(() => Int, { nullable: true, description: 'How many participants it takes; null when unlimited.' })
  capacity!: number | null;

  @Field(() => SeminarStatusEnum, { description: 'Where the seminar is in its life.' })
  status!: SeminarStatusEnum;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When the seminar was recorded.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  programId!: string;
  partnerId!: string | null;
}

export const SeminarConnection = connectionType(Seminar, 'Seminar', 'seminars');
