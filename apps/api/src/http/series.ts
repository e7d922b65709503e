import type { NextFunction, RequestHandler } from 'express';

/**
 * Handlers run one after the other as `app.use(path, ...handlers)` runs them, but as one layer of
 * the router: Express matches the path again and rewrites `req.url` for every layer, which on
 * /graphql's dozen handlers cost more than most of the handlers themselves. An error, thrown,
 * passed to `next` or a rejected promise (as Express 5 takes them), skips the rest to `next(error)`.
 */
export function series(...handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let index = 0;
    const step: NextFunction = (error?: unknown) => {
      if (error) return next(error);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch((reason: unknown) => step(reason ?? new Error('Rejected promise')));
      } catch (thrown) {
        step(thrown ?? new Error('Thrown without a value'));
      }
    };
    step();
  };
}
