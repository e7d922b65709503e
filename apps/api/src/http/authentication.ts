import type { PrismaClient } from '@seminarhub/db';
import type { RequestHandler } from 'express';
import { AuthenticationError, authenticate } from '../core/auth/authenticate.ts';

/**
 * Resolves the bearer credential before GraphQL runs, so that rate limits and every resolver see the
 * same viewer. A bad credential is answered 401 at once rather than served as anonymous.
 */
export function authentication(prisma: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.viewer = await authenticate(prisma, req.get('authorization'));
      next();
    } catch (error) {
      if (!(error instanceof AuthenticationError)) return next(error);
      res
        .status(401)
        .set('www-authenticate', 'Bearer error="invalid_token"')
        .json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };
}
