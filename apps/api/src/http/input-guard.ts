import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import type { Context } from '../core/context.ts';
import { LIMITS } from './limits.ts';

/** A surrogate code unit without its pair: with the `u` flag a well-formed pair is one code point. */
const LONE_SURROGATE = /\p{Cs}/u;

function refused(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}), http: { status: 400 } },
  });
}

/** What is wrong with one piece of text, or null. */
function textProblem(text: string): string | null {
  // PostgreSQL cannot store NUL in text, and no field has a use for it.
  if (text.includes('\u0000')) return 'may not contain the NUL character (\\u0000)';
  // A lone surrogate is no character at all: PostgreSQL would refuse it, or a decoder replace it.
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode: it holds a lone surrogate (such as \\ud800)';
  return null;
}

/**
 * Walks the variables with an explicit stack, never recursion, so that no depth overflows it: the
 * first value nested deeper than LIMITS.inputDepth, or any text (value or key) with NUL or a lone
 * surrogate, is refused, naming its path (`$input.filter.AND.0`).
 */
export function checkVariables(variables: Record<string, unknown> | undefined): void {
  if (!variables) return;
  const stack: { value: unknown; path: string; depth: number }[] = Object.entries(variables).map(([name, value]) => ({
    value,
    path: `$${name}`,
    depth: 0,
  }));
  for (const name of Object.keys(variables)) {
    const problem = textProblem(name);
    if (problem) throw refused(`The name of a variable ${problem}.`);
  }
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) throw refused(`\`${path}\` ${problem}.`, path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= LIMITS.inputDepth) {
      throw refused(`\`${path}\` nests objects and lists more than ${LIMITS.inputDepth} levels deep.`, path);
    }
    for (const [key, inner] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) throw refused(`A key in \`${path}\` ${problem}.`, path);
      stack.push({ value: inner, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
}

/**
 * The literals in the document: NUL in a string, or objects and lists nested deeper than
 * LIMITS.inputDepth. graphql-js's parser already refuses lone surrogate escapes, and its `visit`
 * keeps its own stack.
 */
export function checkDocument(document: DocumentNode): void {
  let depth = 0;
  const nesting = {
    enter: () => {
      depth += 1;
      if (depth > LIMITS.inputDepth) {
        throw refused(`An argument nests objects and lists more than ${LIMITS.inputDepth} levels deep.`);
      }
    },
    leave: () => {
      depth -= 1;
    },
  };
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) throw refused('Text may not contain the NUL character (\\u0000).');
    },
    [Kind.OBJECT]: nesting,
    [Kind.LIST]: nesting,
  });
}

/**
 * Input refused once for every operation, before any resolver, coercion or other plugin walks it:
 * text PostgreSQL cannot store (NUL, lone surrogates) and inputs nested deeper than any field takes,
 * which would otherwise overflow the stack of the first recursive walk over them (graphql-js's
 * coercion of variables is one). Apollo runs every plugin's didResolveOperation side by side; none of
 * the others walks the variables' values, and this one is listed before them, so its refusal is the
 * one answered.
 */
export const inputGuard: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        checkVariables(request.variables);
        checkDocument(document);
      },
    };
  },
};
