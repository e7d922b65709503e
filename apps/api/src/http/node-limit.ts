import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Context } from '../core/context.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../core/pagination.ts';

/** At most this many objects may one operation ask for, counted before it runs. */
export const MAX_NODES = 10_000;

/**
 * GitHub's node limit: every connection multiplies the objects below it by its page size (`first`
 * or `last`, from literals or variables, 20 when neither is given), and the sum over all
 * connections must stay under MAX_NODES. Unlike graphql-armor's cost, variables cannot hide a size.
 */
export function countNodes(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  multiplier = 1,
  seen: ReadonlySet<string> = new Set(),
): number {
  const value = (node: ValueNode | undefined): unknown =>
    node?.kind === Kind.INT
      ? Number(node.value)
      : node?.kind === Kind.VARIABLE
        ? variables[node.name.value]
        : undefined;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      if (!isCompositeType(type)) continue;
      let below = multiplier;
      if (type.name.endsWith('Connection')) {
        const argument = (name: string) => selection.arguments?.find((arg) => arg.name.value === name)?.value;
        const requested = value(argument('first')) ?? value(argument('last'));
        const size = typeof requested === 'number' && Number.isFinite(requested) ? requested : DEFAULT_PAGE_SIZE;
        below = multiplier * Math.min(Math.max(size, 0), MAX_PAGE_SIZE);
        total += below;
      }
      total += countNodes(schema, selection.selectionSet, type, fragments, variables, below, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) {
        total += countNodes(schema, selection.selectionSet, type, fragments, variables, multiplier, seen);
      }
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      const type = fragment && schema.getType(fragment.typeCondition.name.value);
      // A fragment cycle is invalid GraphQL and rejected by validation; here it only must not loop.
      if (!fragment || !type || !isCompositeType(type) || seen.has(name)) continue;
      total += countNodes(
        schema,
        fragment.selectionSet,
        type,
        fragments,
        variables,
        multiplier,
        new Set([...seen, name]),
      );
    }
  }
  return total;
}

export const nodeLimit: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, schema, request }) {
        if (!operation) return;
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        const fragments = Object.fromEntries(
          document.definitions
            .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
            .map((definition) => [definition.name.value, definition]),
        );
        const nodes = countNodes(schema, operation.selectionSet, root, fragments, request.variables ?? {});
        if (nodes > MAX_NODES) {
          throw new GraphQLError(
            `This operation could return up to ${nodes} objects; the limit is ${MAX_NODES}. Ask for smaller pages.`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
          );
        }
      },
    };
  },
};
