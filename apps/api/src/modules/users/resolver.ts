import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { createUser, setCoordinatorAssignments, updateUser } from './service.ts';
import {
  CoordinatorAssignmentsSetInput,
  CoordinatorAssignmentsSetPayload,
  UserCreateInput,
  UserCreatePayload,
  UserUpdateInput,
  UserUpdatePayload,
} from './types.ts';

@Resolver()
export class UserAdministrationResolver {
  @Mutation(() => UserCreatePayload, { description: 'Creates an account with a role. Administrators only.' })
  userCreate(
    @Arg('input', () => UserCreateInput, { description: 'The account.' }) input: UserCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createUser(ctx, input);
  }

  @Mutation(() => UserUpdatePayload, {
    description: "Changes an account's role or disables it; either signs it out everywhere. Administrators only.",
  })
  userUpdate(
    @Arg('input', () => UserUpdateInput, { description: 'The changes.' }) input: UserUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateUser(ctx, input);
  }

  @Mutation(() => CoordinatorAssignmentsSetPayload, {
    description: 'Sets the programmes and seminars a coordinator manages. Administrators only.',
  })
  coordinatorAssignmentsSet(
    @Arg('input', () => CoordinatorAssignmentsSetInput, { description: 'The coordinator and their assignments.' })
    input: CoordinatorAssignmentsSetInput,
    @Ctx() ctx: Context,
  ) {
    return setCoordinatorAssignments(ctx, input);
  }
}
