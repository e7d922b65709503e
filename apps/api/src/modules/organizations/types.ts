import { type Organization as OrganizationRow, OrganizationType as OrganizationTypeEnum } from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

registerEnumType(OrganizationTypeEnum, {
  name: 'OrganizationType',
  description: 'What kind of body an organization is, for reporting by organization type.',
  valuesConfig: {
    MINISTRY: { description: 'A national ministry.' },
    AGENCY: { description: 'A government agency, including development agencies that run programmes.' },
    LOCAL_GOVERNMENT: { description: 'A city, province or other local government, or one of its services.' },
    PUBLIC_ENTERPRISE: { description: 'A state-owned enterprise.' },
    ACADEMIA: { description: 'A university, research or training institute.' },
    PRIVATE: { description: 'A private company.' },
    NGO: { description: 'A non-governmental organization.' },
    INTERNATIONAL_ORG: { description: 'An international organization.' },
    DONOR: { description: 'A funder that is not itself an agency.' },
  },
});

@ObjectType({
  implements: Node,
  description: 'A ministry, agency, city service, institute or company that funds, hosts, sends or speaks.',
})
export class Organization extends Node implements Partial<OrganizationRow> {
  @Field(() => String, { description: 'Full official name, in English.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name or acronym ("KOICA").' })
  acronym!: string | null;

  @Field(() => OrganizationTypeEnum, { description: 'What kind of body this is.' })
  type!: OrganizationTypeEnum;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the country it belongs to ("UZ", "KR").' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'Public website address.' })
  website!: string | null;

  @Field(() => String, { nullable: true, description: 'What the organization does, in a few sentences.' })
  description!: string | null;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  parentId!: string | null;
}

export const OrganizationConnection = connectionType(Organization, 'Organization', 'organizations');
