import type { Program } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import { IdFilter, reference, StringFilter, text } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';

@InputType({ description: 'Which programmes to list; every condition given must hold.' })
export class ProgramFilter {
  @Field(() => StringFilter, { nullable: true, description: 'The short code ("CIAT").' })
  code?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'The title.' })
  title?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: 'The sector ("Digital government").' })
  sector?: StringFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The funding organization.' })
  funderId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The implementing organization.' })
  implementerId?: IdFilter | null;

  @Field(() => [ProgramFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: ProgramFilter[] | null;

  @Field(() => [ProgramFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: ProgramFilter[] | null;

  @Field(() => ProgramFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: ProgramFilter | null;
}

export const ProgramOrder = orderInput('Program', 'programmes', {
  TITLE: 'The title, A to Z.',
  CODE: 'The code, A to Z.',
  CREATED_AT: 'When it was recorded, the newest first.',
  UPDATED_AT: 'When it last changed, the latest first.',
});

export const ProgramListArgs = listArgs(ProgramFilter, ProgramOrder, 'programmes');
export type ProgramListArgs = InstanceType<typeof ProgramListArgs>;

export const PROGRAM_LIST: ListSpec<Program, ProgramFilter> = {
  filter: {
    code: text('code'),
    title: text('title'),
    sector: text('sector'),
    funderId: reference('funderId', 'Organization'),
    implementerId: reference('implementerId', 'Organization'),
  },
  orders: {
    TITLE: { field: 'title', kind: 'string', direction: 'asc', value: (row) => row.title },
    CODE: { field: 'code', kind: 'string', direction: 'asc', value: (row) => row.code },
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'desc', value: (row) => row.createdAt },
    UPDATED_AT: { field: 'updatedAt', kind: 'date', direction: 'desc', value: (row) => row.updatedAt },
  },
  defaultOrder: 'TITLE',
  search: {
    from: '"Program" t',
    document: documentOf(['t.code', 'A'], ['t.title', 'A'], ['t.sector', 'B'], ['t.description', 'B']),
  },
};
