import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { listConnection } from '../../core/lists/lists.ts';
import { connectionType } from '../../core/pagination.ts';
import { Person } from '../people/types.ts';
import { USER_LIST, UserListArgs } from '../users/list.ts';
import { changePassword, describeViewer, login, logout } from './service.ts';
import {
  LoginInput,
  LoginPayload,
  LogoutPayload,
  PasswordChangeInput,
  PasswordChangePayload,
  User,
  Viewer,
} from './types.ts';

export const UserConnection = connectionType(User, 'User', 'accounts');

function listUsers(ctx: Context, args: UserListArgs) {
  requireAdmin(ctx);
  return listConnection(ctx, USER_LIST, args, {
    findMany: (query) => ctx.prisma.user.findMany(query),
    count: (where) => ctx.prisma.user.count({ where }),
  });
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    description: 'Who is asking: anonymous, a signed-in user, or an API key; and what they may do.',
  })
  viewer(@Ctx() ctx: Context) {
    return describeViewer(ctx.viewer);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The signed-in account; null for anonymous and API keys.' })
  user(@Root() viewer: Viewer, @Ctx() ctx: Context) {
    // A Viewer is only ever built from a verified identity (this request's, or the one just signed
    // in), so its own account is always readable, even by the anonymous request that signed in.
    return viewer.userId ? ctx.prisma.user.findUnique({ where: { id: viewer.userId } }) : null;
  }

  @Mutation(() => LoginPayload, {
    description:
      'Signs in with email and password and returns a session token. Repeated failures for an email back off, then lock it for 15 minutes.',
  })
  login(@Arg('input', () => LoginInput, { description: 'The credentials.' }) input: LoginInput, @Ctx() ctx: Context) {
    return login(ctx, input, ctx.ip);
  }

  @Mutation(() => LogoutPayload, { description: 'Revokes the session token this request was sent with.' })
  logout(@Ctx() ctx: Context) {
    return logout(ctx);
  }

  @Mutation(() => PasswordChangePayload, {
    description: "Changes the signed-in user's password and signs out their other sessions.",
  })
  passwordChange(
    @Arg('input', () => PasswordChangeInput, { description: 'The current and the new password.' })
    input: PasswordChangeInput,
    @Ctx() ctx: Context,
  ) {
    return changePassword(ctx, input);
  }
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'All accounts, by email. Administrators only.' })
  users(@Args(() => UserListArgs) args: UserListArgs, @Ctx() ctx: Context) {
    return listUsers(ctx, args);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person this account belongs to, if any.' })
  person(@Root() user: User, @Ctx() ctx: Context) {
    return user.personId ? ctx.loaders.person.load(user.personId) : null;
  }
}
