import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';
import type { Context } from '../core/context.ts';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

/**
 * PostgreSQL cannot store the NUL character in text, and no field has a use for it: refusing it
 * here, once for every operation, keeps it from surfacing as a database error in any mutation.
 */
export const refuseNulText: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        let inDocument = false;
        visit(document, {
          [Kind.STRING]: (node) => {
            if (node.value.includes('\u0000')) inDocument = true;
          },
        });
        if (inDocument || containsNul(request.variables)) {
          throw new GraphQLError('Text may not contain the NUL character (\\u0000).', {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};
