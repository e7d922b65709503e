import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { currentRequestWork, isDatabaseUnavailable } from '@seminarhub/db';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../core/context.ts';
import { isAllowedCode } from '../core/errors.ts';
import {
  databaseUnavailableMessage,
  logDatabaseOutage,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
  unavailableError,
} from './unavailable.ts';

const MASKED_MESSAGE = 'Internal server error. Quote the requestId when reporting it.';

/** True for errors a client may read as they are; everything else may hold SQL, paths or stack text. */
function isPublic(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return (isAllowedCode(code) && code !== 'INTERNAL_SERVER_ERROR') || isVariableOverflow(error);
}

/**
 * graphql-js stops coercing variables after 50 errors with an error of its own that carries no
 * code, so Apollo calls it internal; it is the client's input, as much as the 50 before it.
 */
function isVariableOverflow(error: { message: string }): boolean {
  return error.message.startsWith('Too many errors processing variables');
}

/**
 * Apollo `formatError`: allow-listed codes pass, a database outage becomes SERVICE_UNAVAILABLE (and the
 * answer a 503, see `errorLogging`), everything else becomes INTERNAL_SERVER_ERROR.
 */
export function maskError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  if (isDatabaseUnavailable(unwrapResolverError(error))) {
    // Whether this request's own writes may have committed before the connection was lost.
    const { message, extensions } = unavailableError(databaseUnavailableMessage(!!currentRequestWork()?.committed));
    return { message, ...(formatted.path ? { path: formatted.path } : {}), extensions };
  }
  if (isVariableOverflow(formatted)) return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  if (isPublic(formatted)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    // graphql-armor words its limit violations as "Syntax Error: …", which they are not.
    const message =
      extensions.code === 'GRAPHQL_VALIDATION_FAILED'
        ? formatted.message.replace(/^Syntax Error: /, '')
        : formatted.message;
    return { ...formatted, message, extensions };
  }
  return {
    message: MASKED_MESSAGE,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function retryLater(http: { status?: number | undefined; headers: Map<string, string> }): void {
  http.status = 503;
  http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
}

/**
 * Logs the real cause of every masked error and gives the client the request id that finds it. Two
 * kinds of failure are not news and get no "unexpected error" line:
 * - a request its deadline stopped with nothing committed: its statements fail by design, and the
 *   deadline has answered and logged it;
 * - a database outage: the answer becomes 503 with Retry-After, and one warning is logged per request.
 */
export const errorLogging: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, response }) {
        const work = currentRequestWork();
        if (work?.stopped && !work.committed) {
          // Its deadline answers it; should this answer go out first all the same, it is a 503 too.
          retryLater(response.http);
          return;
        }
        let outage: unknown;
        for (const error of errors) {
          const code = error.extensions?.code;
          if ((isAllowedCode(code) && code !== 'INTERNAL_SERVER_ERROR') || isVariableOverflow(error)) continue;
          const cause = unwrapResolverError(error);
          if (isDatabaseUnavailable(cause)) {
            outage ??= cause;
            continue;
          }
          contextValue.log.error({ err: cause, path: error.path }, 'unexpected error in GraphQL request');
        }
        if (outage === undefined) return;
        logDatabaseOutage(contextValue.log, outage, contextValue.requestId);
        retryLater(response.http);
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          const code = error.extensions?.code;
          if (code === 'INTERNAL_SERVER_ERROR' || code === SERVICE_UNAVAILABLE) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        }
      },
    };
  },
};
