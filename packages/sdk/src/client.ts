import { type ClientOptions, type CoreClient, createCoreClient } from './core/client.ts';
import { type Operations, operations } from './generated/operations.ts';

/** A SeminarHub client: a typed function per API operation, grouped by feature, plus `request` and `paginate`. */
export type Client = CoreClient & Operations;

/**
 * Makes a client for the SeminarHub API at `url`.
 *
 * @example
 * const client = createClient({ url: 'http://localhost:4000/graphql', apiKey: process.env.SEMINARHUB_API_KEY });
 * for await (const seminar of client.paginate(SeminarsListDocument, {}, { path: 'seminars' })) console.log(seminar.title);
 */
export function createClient(options: ClientOptions): Client {
  const transport = createCoreClient(options);
  const { request, paginate, pages } = transport;
  return { request, paginate, pages, ...operations(transport) };
}
