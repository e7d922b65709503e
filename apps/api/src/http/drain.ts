import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { RequestWork, type StopOutcome } from '@seminarhub/db';
import { RETRY_AFTER_SECONDS, unavailableError } from './unavailable.ts';

/** A request still being answered when the drain began, or when its time ran out. */
export interface InFlightRequest {
  readonly requestId: string | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly ageMs: number;
}

/** What `cancel` did to a request that had not answered in time. */
export interface CancelledRequest extends InFlightRequest {
  /** Statements of the request running in PostgreSQL when it was cancelled. */
  readonly statements: number;
  /** What became of its database work: see `StopOutcome`; `none` when it had none under way. */
  readonly outcome: StopOutcome | 'none';
}

export interface DrainableServer {
  readonly http: Server;
  /**
   * Stops accepting, closes idle keep-alive connections at once, has every answer still to be sent
   * carry `Connection: close`, and refuses any further request on a connection still open. Resolves
   * once the last answer is out and every connection is closed.
   */
  drain(): Promise<void>;
  /** What is being answered now. */
  inFlight(): InFlightRequest[];
  /**
   * For the shutdown's hard deadline: stops the database work of every request still running
   * (`RequestWork.stop`: refuse, pg_cancel_backend, roll back; within `timeoutMs`), then cuts every
   * connection. Says what it cancelled.
   */
  cancel(timeoutMs: number): Promise<CancelledRequest[]>;
}

// Written before Express runs, so not through sendUnavailable; the same 503 all the same.
const SHUTTING_DOWN = JSON.stringify({
  errors: [unavailableError('The server is shutting down and takes no new request on this connection; retry.')],
});

/**
 * An HTTP server around `app` that can drain. Node's `server.close()` stops accepting and closes idle
 * connections, but a keep-alive connection busy at that moment stays open after its answer, and a
 * client may send the next request on it, which Node serves: a drain would then never end while
 * clients keep sending. Here every request is counted, so the drain knows what it waits for.
 */
export function drainableServer(app: RequestListener): DrainableServer {
  const inFlight = new Map<ServerResponse, { req: IncomingMessage; path: string | undefined; startedAt: number }>();
  let draining = false;

  const http = createServer((req, res) => {
    if (draining) {
      res.writeHead(503, {
        connection: 'close',
        'retry-after': String(RETRY_AFTER_SECONDS),
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(SHUTTING_DOWN),
      });
      res.end(SHUTTING_DOWN);
      return;
    }
    // The path as it came: Express rewrites req.url under a mount point.
    inFlight.set(res, { req, path: req.url?.split('?')[0], startedAt: Date.now() });
    res.on('close', () => {
      inFlight.delete(res);
      // An answer whose headers had gone out before the drain kept its connection: close it now that it is idle.
      if (draining) setImmediate(() => http.closeIdleConnections());
    });
    app(req, res);
  });

  const describe = (
    res: ServerResponse,
    entry: { req: IncomingMessage; path: string | undefined; startedAt: number },
  ): InFlightRequest => {
    const locals = (res as ServerResponse & { locals?: Record<string, unknown> }).locals;
    return {
      requestId: typeof locals?.requestId === 'string' ? locals.requestId : undefined,
      method: entry.req.method,
      path: entry.path,
      ageMs: Date.now() - entry.startedAt,
    };
  };

  return {
    http,
    drain() {
      draining = true;
      // Node ends the connection after an answer that says Connection: close.
      for (const res of inFlight.keys()) if (!res.headersSent) res.setHeader('connection', 'close');
      return new Promise<void>((done) => {
        if (!http.listening) return done();
        http.close(() => done());
        http.closeIdleConnections();
      });
    },
    inFlight: () => [...inFlight].map(([res, entry]) => describe(res, entry)),
    async cancel(timeoutMs) {
      const cancelled = await Promise.all(
        [...inFlight].map(async ([res, entry]): Promise<CancelledRequest> => {
          const work = (res as ServerResponse & { locals?: Record<string, unknown> }).locals?.work;
          const running = work instanceof RequestWork ? work.running : 0;
          let outcome: CancelledRequest['outcome'] = 'none';
          if (work instanceof RequestWork && !work.stopped) {
            outcome = await work.stop(timeoutMs, 0, () => {}).catch(() => 'uncertain' as const);
          }
          return { ...describe(res, entry), statements: running, outcome };
        }),
      );
      http.closeAllConnections();
      return cancelled;
    },
  };
}
