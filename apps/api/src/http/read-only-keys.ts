import type { ApolloServerPlugin } from '@apollo/server';
import { forbidden } from '../core/auth/guards.ts';
import type { Context } from '../core/context.ts';

/** API keys with READ scope may query, never mutate: checked once per operation, for every mutation. */
export const readOnlyApiKeys: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        const { viewer } = contextValue;
        if (operation?.operation === 'mutation' && viewer.kind === 'apiKey' && viewer.scope === 'READ') {
          throw forbidden('This API key is read-only: mutations need a READ_WRITE key.');
        }
      },
    };
  },
};
