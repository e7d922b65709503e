import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../core/context.ts';
import { isAllowedCode } from '../core/errors.ts';

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

/** Apollo `formatError`: allow-listed codes pass, everything else becomes INTERNAL_SERVER_ERROR. */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
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

/** Logs the real cause of every masked error and gives the client the request id that finds it. */
export const errorLogging: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if ((isAllowedCode(code) && code !== 'INTERNAL_SERVER_ERROR') || isVariableOverflow(error)) continue;
          contextValue.log.error(
            { err: unwrapResolverError(error), path: error.path },
            'unexpected error in GraphQL request',
          );
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        }
      },
    };
  },
};
