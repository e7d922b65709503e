/**
 * A GraphQL document as the string it is sent as, carrying its result and variables types. It has the
 * shape of `DocumentTypeDecoration` from `@graphql-typed-document-node/core`, so the `graphql()` function
 * that GraphQL Code Generator's client preset makes with `documentMode: 'string'` produces values that
 * fit it, and plain strings work too (typed `any`).
 */
// biome-ignore lint/suspicious/noExplicitAny: a plain string's data is untyped, as in graphql-request.
export type TypedDocument<Result = any, Variables = any> =
  | DocumentString<Result, Variables>
  | { __apiType?: (variables: Variables) => Result; toString(): string };

/** A document as a plain string that carries its types: what the SDK's generated documents are. */
// biome-ignore lint/suspicious/noExplicitAny: as for TypedDocument.
export type DocumentString<Result = any, Variables = any> = string & {
  __apiType?: (variables: Variables) => Result;
};

/** The data type a document returns. */
// biome-ignore lint/suspicious/noExplicitAny: as for TypedDocument.
export type ResultOf<D> = D extends { __apiType?: (variables: never) => infer R } ? R : any;

/** The variables type a document takes. */
export type VariablesOf<D> = D extends { __apiType?: (variables: infer V) => unknown } ? V : Record<string, unknown>;

export type OperationKind = 'query' | 'mutation' | 'subscription';

export interface OperationInfo {
  kind: OperationKind;
  name: string | undefined;
}

// The first operation keyword that starts a definition: at the start, or after a `}` closing an earlier
// fragment. Comments are removed first, so a `# mutation` in a comment does not count.
const OPERATION = /(?:^|})\s*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/;

/** Whether a document is a query or a mutation, and its name; an anonymous `{ … }` is a query. */
export function operationInfo(document: string): OperationInfo {
  const match = OPERATION.exec(document.replace(/#[^\n\r]*/g, ''));
  if (!match) return { kind: 'query', name: undefined };
  return { kind: match[1] as OperationKind, name: match[2] };
}
