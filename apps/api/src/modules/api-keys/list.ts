import { type ApiKey, ApiKeyScope } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import { enumFilter, oneOf, StringFilter, text } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';

const ApiKeyScopeFilter = enumFilter(ApiKeyScope, 'ApiKeyScope');

@InputType({ description: 'Which API keys to list; every condition given must hold.' })
export class ApiKeyFilter {
  @Field(() => StringFilter, { nullable: true, description: 'What the key is for.' })
  name?: StringFilter | null;

  @Field(() => ApiKeyScopeFilter, { nullable: true, description: 'What the key may do.' })
  scope?: InstanceType<typeof ApiKeyScopeFilter> | null;

  @Field(() => Boolean, { nullable: true, description: 'True for revoked keys only, false for the others.' })
  revoked?: boolean | null;

  @Field(() => [ApiKeyFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: ApiKeyFilter[] | null;

  @Field(() => [ApiKeyFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: ApiKeyFilter[] | null;

  @Field(() => ApiKeyFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: ApiKeyFilter | null;
}

export const ApiKeyOrder = orderInput('ApiKey', 'API keys', {
  CREATED_AT: 'When it was created, the newest first.',
  NAME: 'What it is for, A to Z.',
});

export const ApiKeyListArgs = listArgs(ApiKeyFilter, ApiKeyOrder, 'API keys');
export type ApiKeyListArgs = InstanceType<typeof ApiKeyListArgs>;

export const API_KEY_LIST: ListSpec<ApiKey, ApiKeyFilter> = {
  filter: {
    name: text('name'),
    scope: oneOf('scope'),
    revoked: (revoked) => ({ revokedAt: revoked ? { not: null } : null }),
  },
  orders: {
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'desc', value: (row) => row.createdAt },
    NAME: { field: 'name', kind: 'string', direction: 'asc', value: (row) => row.name },
  },
  defaultOrder: 'CREATED_AT',
  search: { from: '"ApiKey" t', document: documentOf(['t.name', 'A']) },
};
