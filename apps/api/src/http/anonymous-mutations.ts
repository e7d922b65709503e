import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Context } from '../core/context.ts';

/** The mutations an anonymous caller may send: signing in, and nothing else. */
export const ANONYMOUS_MUTATIONS: ReadonlySet<string> = new Set(['login']);

/** The root fields an operation selects, through fragments too, walked with a stack of its own. */
export function rootFields(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, SelectionSetNode>,
): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const stack: SelectionSetNode[] = [operation.selectionSet];
  for (let set = stack.pop(); set; set = stack.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) stack.push(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) stack.push(fragment);
      }
    }
  }
  return names;
}

/**
 * An anonymous caller's mutation is refused as a whole, before any resolver decodes an ID or
 * checks an argument: it would otherwise learn "not a valid ID" before "sign in first", and a new
 * mutation whose service forgot its guard would still be covered. `login` is the exception.
 */
export const anonymousMutations: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    if (contextValue.viewer.kind !== 'anonymous') return;
    return {
      async didResolveOperation({ operation, document }) {
        if (operation?.operation !== 'mutation') return;
        const fragments = new Map<string, SelectionSetNode>();
        for (const definition of document.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION)
            fragments.set(definition.name.value, definition.selectionSet);
        }
        const refused = [...rootFields(operation, fragments)].filter(
          (name) => name !== '__typename' && !ANONYMOUS_MUTATIONS.has(name),
        );
        if (refused.length === 0) return;
        const names = refused.map((name) => `\`${name}\``).join(', ');
        throw new GraphQLError(`Sign in first: ${names} needs "Authorization: Bearer <token>".`, {
          extensions: {
            code: 'UNAUTHENTICATED',
            // RFC 6750: a request without credentials gets 401 and the scheme, without an error code.
            http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
          },
        });
      },
    };
  },
};
