// `@seminarhub/sdk`: the typed client of the SeminarHub GraphQL API.
export { type Client, createClient } from './client.ts';
export * from './core/index.ts';
export type * from './generated/graphql.ts';
export * from './generated/operations.ts';
