import { type User, UserRole } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import { enumFilter, IdFilter, oneOf, reference, StringFilter, text } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';

const UserRoleFilter = enumFilter(UserRole, 'UserRole');

@InputType({ description: 'Which accounts to list; every condition given must hold.' })
export class UserFilter {
  @Field(() => StringFilter, { nullable: true, description: 'The sign-in email.' })
  email?: StringFilter | null;

  @Field(() => UserRoleFilter, { nullable: true, description: 'What the account may do.' })
  role?: InstanceType<typeof UserRoleFilter> | null;

  @Field(() => Boolean, { nullable: true, description: 'True for disabled accounts only, false for active ones.' })
  disabled?: boolean | null;

  @Field(() => IdFilter, { nullable: true, description: 'The person the account belongs to.' })
  personId?: IdFilter | null;

  @Field(() => [UserFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: UserFilter[] | null;

  @Field(() => [UserFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: UserFilter[] | null;

  @Field(() => UserFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: UserFilter | null;
}

export const UserOrder = orderInput('User', 'accounts', {
  EMAIL: 'The email, A to Z.',
  ROLE: 'The role, in the order of UserRole (ADMIN first).',
  CREATED_AT: 'When it was created, the newest first.',
});

export const UserListArgs = listArgs(UserFilter, UserOrder, 'accounts');
export type UserListArgs = InstanceType<typeof UserListArgs>;

export const USER_LIST: ListSpec<User, UserFilter> = {
  filter: {
    email: text('email'),
    role: oneOf('role'),
    disabled: (disabled) => ({ disabledAt: disabled ? { not: null } : null }),
    personId: reference('personId', 'Person'),
  },
  orders: {
    EMAIL: { field: 'email', kind: 'string', direction: 'asc', value: (row) => row.email },
    ROLE: { field: 'role', kind: 'enum', values: Object.values(UserRole), direction: 'asc', value: (row) => row.role },
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'desc', value: (row) => row.createdAt },
  },
  defaultOrder: 'EMAIL',
  search: {
    // An email is one word to PostgreSQL's parser; its parts are added so that "karimov" finds it.
    from: '"User" t LEFT JOIN "Person" p ON p.id = t."personId"',
    document: documentOf(
      ['t.email', 'A'],
      [`regexp_replace(t.email, '[^[:alnum:]]+', ' ', 'g')`, 'A'],
      ['p."givenName"', 'B'],
      ['p."familyName"', 'B'],
    ),
  },
};
