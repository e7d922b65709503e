import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import type { Context } from '../core/context.ts';

/**
 * The limits every operation meets before it runs (numbers from graphql-armor, GitHub, Shopify and
 * OWASP; see docs/OPERATIONS.md). Depth: the deepest legitimate query (a connection costs two
 * levels) plus headroom; tokens: well above the biggest operation the SDK sends.
 */
export const LIMITS = {
  depth: 12,
  aliases: 15,
  directives: 20,
  tokens: 2000,
  /**
   * armor multiplies a list's cost by its literal `first`/`last`, so this bounds the worst-case
   * number of objects: 5 seminars x 50 sessions with a few fields each already costs about 5,400,
   * which is why the guide's 5,000 (armor's default, without page sizes in mind) is raised here.
   */
  cost: 20_000,
  /**
   * How deep a variable's value or an argument's literal may nest (`{"a":[{"b":…}]}`): the deepest
   * input the schema takes is a filter whose AND/OR/NOT nest 4 deep (about 12 levels of JSON), so
   * 64 leaves room while keeping every walk over an input shallow. Checked without recursion.
   */
  inputDepth: 64,
  /**
   * How deep a request body's JSON may nest before it is parsed at all: a cheap scan of the raw
   * bytes, so that `[[[[…` 100,000 deep costs one pass. Above inputDepth, so that variables between
   * the two get the precise BAD_USER_INPUT naming their path.
   */
  bodyDepth: 1_000,
} as const;

/**
 * graphql-armor's validation rules and plugins, with field suggestions hidden for everyone. The
 * token limit is Apollo's own `parseOptions` instead of armor's plugin, which answered a plain
 * syntax error with status 500. The cost model weighs depth by 1.2 rather than 1.5: at 1.5, one
 * staff query over a seminar's proposals, reviews and scores costs 10,000.
 */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.depth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: LIMITS.aliases },
    maxDirectives: { n: LIMITS.directives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: LIMITS.cost, depthCostFactor: 1.2, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/**
 * In production, anonymous callers may not introspect: the schema is published as schema.graphql
 * and in the SDK, so this only stops casual mapping of the API. Signed-in users and keys may.
 */
export function introspectionForIdentifiedCallers(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (!production || contextValue.viewer.kind !== 'anonymous') return;
      return {
        async didResolveOperation({ document, schema }) {
          const [error] = validate(schema, document, [NoSchemaIntrospectionCustomRule]);
          if (error) {
            throw new GraphQLError(
              'Introspection is disabled for anonymous callers: sign in, or read schema.graphql.',
              {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
