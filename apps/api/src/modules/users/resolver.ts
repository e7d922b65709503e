import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { User } from '../accounts/types.ts';
import { Program } from '../programs/types.ts';
import { Seminar } from '../seminars/types.ts';
import { createUser, resetPassword, setCoordinatorAssignments, updateUser } from './service.ts';
import {
  CoordinatorAssignmentsSetInput,
  CoordinatorAssignmentsSetPayload,
  UserCreateInput,
  UserCreatePayload,
  UserPasswordResetInput,
  UserPasswordResetPayload,
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

  @Mutation(() => UserPasswordResetPayload, {
    description:
      'Sets a new password for another account, or generates one returned once, and signs the account out everywhere. Administrators only.',
  })
  userPasswordReset(
    @Arg('input', () => UserPasswordResetInput, { description: 'The account and its new password.' })
    input: UserPasswordResetInput,
    @Ctx() ctx: Context,
  ) {
    return resetPassword(ctx, input);
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

/** What `coordinatorAssignmentsSet` stored, read back; a User is seen only by administrators and by its owner. */
@Resolver(() => User)
export class UserAssignmentsResolver {
  @FieldResolver(() => [Program], {
    description:
      'The programmes this account coordinates, with all their seminars, by title; empty unless it is a COORDINATOR. Seen by administrators and by the account itself.',
  })
  async coordinatedPrograms(@Root() user: User, @Ctx() ctx: Context) {
    return (await ctx.loaders.programAssignmentsByUser.load(user.id)).map((row) => row.program);
  }

  @FieldResolver(() => [Seminar], {
    description:
      'The single seminars assigned to this account to coordinate, by start date; empty unless it is a COORDINATOR. Seminars of its programmes are not repeated here. Seen by administrators and by the account itself.',
  })
  async coordinatedSeminars(@Root() user: User, @Ctx() ctx: Context) {
    return (await ctx.loaders.seminarAssignmentsByUser.load(user.id)).map((row) => row.seminar);
  }
}
