import { type Person as PersonRow, Sex as SexEnum } from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

registerEnumType(SexEnum, {
  name: 'Sex',
  description: 'Sex, as recorded for the reports that agencies require.',
  valuesConfig: {
    FEMALE: { description: 'Female.' },
    MALE: { description: 'Male.' },
    OTHER: { description: 'Another answer.' },
    UNDISCLOSED: { description: 'Not given.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    'A participant, speaker, expert or staff member. Contact and personal details are null unless the viewer is an administrator, the person, or a coordinator of a seminar the person is in.',
})
export class Person extends Node implements Partial<PersonRow> {
  @Field(() => String, { description: 'Given name(s).' })
  givenName!: string;

  @Field(() => String, { description: 'Family name.' })
  familyName!: string;

  @Field(() => String, { nullable: true, description: 'Job title at their organization, as shown on agendas.' })
  jobTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'A short public biography.' })
  bio!: string | null;

  @Field(() => Boolean, {
    description: 'True for invented people that demonstrate the product; real records are false.',
  })
  isSample!: boolean;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When the person was recorded.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the public profile last changed.' })
  updatedAt!: Date;

  organizationId!: string | null;
}

export const PersonConnection = connectionType(Person, 'Person', 'people');
