import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Requests for exactly `/graphql`, nearly all the API serves, go straight to the handlers the
 * router would run for them, in the same order, with the same `req` and `res`; every other
 * request, `/graphql/` and `/GraphQL` included, goes through the router as before.
 *
 * Why: for a small read, Express's router allocated a sixth of all the memory the request did (a
 * closure per layer passed, a match per layer tried, the URL trimmed and put back per mount), and
 * with the garbage it left cost more than any handler of ours.
 *
 * `handlers` are those the app registers for the path, `fallThrough` what the router reaches after
 * them for it (the 404), and `onError` its error handler.
 */
/** `app(req, res)` calls `app.handle(req, res, callback)`, which Express's types leave out. */
type Dispatching = Express & { handle(req: Request, res: Response, callback?: NextFunction): void };

export function graphqlLane(
  app: Express,
  handlers: RequestHandler,
  fallThrough: RequestHandler,
  onError: ErrorRequestHandler,
): void {
  const dispatching = app as Dispatching;
  const routed = dispatching.handle.bind(app);
  dispatching.handle = (req, res, callback) => {
    const url = req.url;
    if (callback || (url !== '/graphql' && !url.startsWith('/graphql?'))) return routed(req, res, callback);
    // What app.handle and the router set up before the first handler (express/lib/application.js,
    // router/index.js): the prototypes that give req.get, res.status and the rest, and the rest.
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    if (!res.locals) res.locals = Object.create(null);
    req.originalUrl = url;
    req.baseUrl = '';
    req.params = {};
    const last: NextFunction = (error?: unknown) => {
      if (error === undefined || error === null || error === 'route' || error === 'router') {
        fallThrough(req, res, (late?: unknown) => late && onError(late, req, res, () => {}));
        return;
      }
      onError(error, req, res, () => {});
    };
    handlers(req, res, last);
  };
}
