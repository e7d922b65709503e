import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';
import type { Viewer } from './viewer.ts';

export function unauthenticated(message = 'Sign in first: send "Authorization: Bearer <token>".'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Any identified caller (a user or an API key), or UNAUTHENTICATED: called before an ID is decoded. */
export function refuseAnonymous(ctx: Context): void {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
}

/** The signed-in user, or UNAUTHENTICATED. */
export function requireUser(ctx: Context): Extract<Viewer, { kind: 'user' }> {
  if (ctx.viewer.kind !== 'user') {
    throw ctx.viewer.kind === 'apiKey'
      ? forbidden('This operation is for signed-in people, not API keys.')
      : unauthenticated();
  }
  return ctx.viewer;
}

/** A signed-in admin, or UNAUTHENTICATED / FORBIDDEN. */
export function requireAdmin(ctx: Context): Extract<Viewer, { kind: 'user' }> {
  const user = requireUser(ctx);
  if (user.role !== 'ADMIN') throw forbidden('Only administrators may do this.');
  return user;
}

/** Admins and API keys read everything except people's personal details. */
export function readsEverything(viewer: Viewer): boolean {
  return (viewer.kind === 'user' && viewer.role === 'ADMIN') || viewer.kind === 'apiKey';
}

/**
 * Staff who may write shared reference data (organizations, places): administrators, coordinators,
 * and READ_WRITE API keys (READ keys never reach a mutation).
 */
export function requireStaff(ctx: Context): void {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (viewer.kind === 'apiKey') return;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'COORDINATOR') {
    throw forbidden('Only administrators and coordinators may do this.');
  }
}
