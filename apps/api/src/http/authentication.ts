import type { PrismaClient } from '@seminarhub/db';
import type { RequestHandler } from 'express';
import { AuthenticationError } from '../core/auth/authenticate.ts';
import { authenticateCached } from '../core/auth/credential-cache.ts';
import { ANONYMOUS } from '../core/auth/viewer.ts';

/**
 * Resolves the bearer credential before GraphQL runs, so that rate limits and every resolver see the
 * same viewer. A bad credential is remembered, charged to the IP's anonymous budget by the rate
 * limiter (so that guessing tokens is metered), and then refused by `refuseBadCredentials`.
 */
export function authentication(prisma: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.viewer = await authenticateCached(prisma, req.get('authorization'));
    } catch (error) {
      if (!(error instanceof AuthenticationError)) return next(error);
      res.locals.viewer = ANONYMOUS;
      res.locals.authenticationError = error;
    }
    next();
  };
}

/** A bad credential is answered 401 rather than served as anonymous. */
export const refuseBadCredentials: RequestHandler = (_req, res, next) => {
  const error = res.locals.authenticationError as AuthenticationError | undefined;
  if (!error) return next();
  res
    .status(401)
    .set('www-authenticate', 'Bearer error="invalid_token"')
    .json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
};
