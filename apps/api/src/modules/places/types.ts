import { PlaceKind as PlaceKindEnum, type Place as PlaceRow } from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

registerEnumType(PlaceKindEnum, {
  name: 'PlaceKind',
  description: 'What a place is used for in a seminar.',
  valuesConfig: {
    VENUE: { description: 'Where lectures and workshops are held.' },
    SITE: { description: 'A site visited: an operations centre, a project, a landmark.' },
    HOTEL: { description: 'Where participants stay.' },
    OTHER: { description: 'Any other place.' },
  },
});

@ObjectType({ implements: Node, description: 'A venue, site or other place where sessions are held.' })
export class Place extends Node implements Partial<PlaceRow> {
  @Field(() => String, { description: 'Name of the place.' })
  name!: string;

  @Field(() => PlaceKindEnum, { description: 'What the place is used for.' })
  kind!: PlaceKindEnum;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'City.' })
  city!: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode!: string;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When the place was recorded.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  hostOrganizationId!: string | null;
}

export const PlaceConnection = connectionType(Place, 'Place', 'places');
