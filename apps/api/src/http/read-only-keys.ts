import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../core/context.ts';

/** API keys with READ scope may query, never mutate: checked once per operation, for every mutation. */
export const readOnlyApiKeys: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        const { viewer } = contextValue;
        if (operation?.operation === 'mutation' && viewer.kind === 'apiKey' && viewer.scope === 'READ') {
          // 403: without a status of its own, a refusal in this hook is answered 500, a server fault.
          throw new GraphQLError('This API key is read-only: mutations need a READ_WRITE key.', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        }
      },
    };
  },
};
