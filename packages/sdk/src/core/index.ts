// `@seminarhub/sdk/core`: the client without the generated operations, for callers who bring their own
// documents and want the smallest bundle.
export {
  type ClientOptions,
  type CoreClient,
  createCoreClient,
  type MutationOptions,
  type PaginateOptions,
  type RequestOptions,
} from './client.ts';
export {
  type DocumentString,
  operationInfo,
  type ResultOf,
  type TypedDocument,
  type VariablesOf,
} from './documents.ts';
export * from './errors.ts';
export { type ConnectionPath, MAX_PAGE_SIZE, type NodeAt, type PageAt } from './paginate.ts';
export { type MutationResult, type Succeeded, unwrap } from './results.ts';
export { DEFAULT_RETRY, type RetryEvent, type RetryPolicy } from './retry.ts';
export type { HeadersLike } from './transport.ts';
