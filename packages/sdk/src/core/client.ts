import { type OperationInfo, operationInfo, type ResultOf, type TypedDocument, type VariablesOf } from './documents.ts';
import { SeminarHubError } from './errors.ts';
import { type ConnectionPath, type NodeAt, type PageAt, pages, paginate } from './paginate.ts';
import { type MutationResult, toMutationResult } from './results.ts';
import { DEFAULT_RETRY, isRetryable, type RetryPolicy, retryAfterOf, retryDelay, sleep } from './retry.ts';
import { type HeadersLike, sendOnce } from './transport.ts';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `https://seminars.example.org/graphql`. */
  url: string;
  /** A session token from `auth.login`; sent as `Authorization: Bearer …`. */
  token?: string;
  /** An API key (`shk_…`) from an administrator; sent as `Authorization: Bearer …`. */
  apiKey?: string;
  /** More headers, or a function that returns them before every request (e.g. a fresh token). */
  headers?: HeadersLike | (() => HeadersLike | Promise<HeadersLike>);
  /** The `fetch` to use; the global one by default (Node 20+, browsers). */
  fetch?: typeof fetch;
  /** Retries on network failures, 429, 502, 503, 504 and THROTTLED; `false` turns them off. */
  retry?: Partial<RetryPolicy> | false;
  /** The longest one attempt may take, body included. Default 30 s. */
  timeoutMs?: number;
  /** Aborts every request of this client, e.g. on shutdown. */
  signal?: AbortSignal;
  /**
   * Whether each mutation gets a generated `Idempotency-Key`, which makes it safe to retry: the API runs
   * a mutation once per key and answers a retry with the first response. Default true. Without a key,
   * a mutation is never retried.
   */
  idempotencyKeys?: boolean;
}

/** Options of one call. */
export interface RequestOptions {
  /** Aborts this call. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Extra headers for this call. */
  headers?: HeadersLike;
  /** Overrides the client's retry policy for this call. */
  retry?: Partial<RetryPolicy> | false;
}

export interface MutationOptions extends RequestOptions {
  /**
   * The `Idempotency-Key` to send: reuse the same one to retry a mutation yourself, e.g. after a crash.
   * `false` sends none, so the mutation is not retried.
   */
  idempotencyKey?: string | false;
}

/** The client without the generated operations: for your own documents. */
export interface CoreClient {
  /**
   * Sends a document and returns its `data`: a typed document (from `graphql()` of GraphQL Code
   * Generator's client preset, with `documentMode: 'string'`) or a plain string.
   */
  request<D extends TypedDocument>(
    document: D,
    variables?: VariablesOf<D>,
    options?: MutationOptions,
  ): Promise<ResultOf<D>>;
  /**
   * Every node of a connection, page by page, as an async iterator. The document must take `$first` and
   * `$after` and select the connection's `nodes` and `pageInfo { hasNextPage endCursor }`; `path` names the
   * connection in the result, e.g. `'seminars'` or `'program.seminars'`.
   */
  paginate<D extends TypedDocument, P extends ConnectionPath<ResultOf<D>>>(
    document: D,
    variables: Omit<VariablesOf<D>, 'first' | 'after' | 'last' | 'before'>,
    options: PaginateOptions<P>,
  ): AsyncGenerator<NodeAt<ResultOf<D>, P>, void, undefined>;
  /** Like {@link CoreClient.paginate}, one connection (with `totalCount` if selected) per page. */
  pages<D extends TypedDocument, P extends ConnectionPath<ResultOf<D>>>(
    document: D,
    variables: Omit<VariablesOf<D>, 'first' | 'after' | 'last' | 'before'>,
    options: PaginateOptions<P>,
  ): AsyncGenerator<PageAt<ResultOf<D>, P>, void, undefined>;
}

export interface PaginateOptions<P> extends RequestOptions {
  /** Where the connection is in the result, dot-separated. */
  path: P;
  /** Items per request, 1 to 100 (the API's maximum). Default 100. */
  pageSize?: number;
}

/** What the generated operations call. */
export interface Transport extends CoreClient {
  query<Data, Key extends keyof Data>(
    document: string,
    variables: unknown,
    field: Key,
    options: RequestOptions | undefined,
  ): Promise<Data[Key]>;
  mutate<Data, Key extends keyof Data>(
    document: string,
    variables: unknown,
    field: Key,
    options: MutationOptions | undefined,
  ): Promise<MutationResult<Data[Key]>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function createCoreClient(options: ClientOptions): Transport {
  if (!options?.url) throw new TypeError('createClient: `url` is required, e.g. "http://localhost:4000/graphql".');
  if (options.token && options.apiKey) throw new TypeError('createClient: give `token` or `apiKey`, not both.');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('createClient: no global fetch; pass `fetch`.');
  const credential = options.token ?? options.apiKey;

  async function headersFor(callHeaders: HeadersLike | undefined): Promise<Headers> {
    const base = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers = new Headers(base);
    if (credential) headers.set('authorization', `Bearer ${credential}`);
    for (const [name, value] of new Headers(callHeaders)) headers.set(name, value);
    return headers;
  }

  async function send(document: string, variables: unknown, call: MutationOptions = {}): Promise<unknown> {
    const operation = operationInfo(document);
    const policy = retryPolicy(options.retry, call.retry);
    const key = idempotencyKey(operation, call, options.idempotencyKeys ?? true);
    // A mutation is only safe to send twice under one key: the API then runs it once.
    const retries = operation.kind === 'query' || key ? (policy?.retries ?? 0) : 0;
    for (let attempt = 0; ; attempt++) {
      const headers = await headersFor(call.headers);
      if (key) headers.set('idempotency-key', key);
      try {
        return await sendOnce({
          url: options.url,
          fetch: fetchImpl,
          document,
          operation,
          variables,
          headers,
          timeoutMs: call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          signals: [options.signal, call.signal],
        });
      } catch (error) {
        if (!policy || attempt >= retries || !isRetryable(error)) throw error;
        const retryAfter = retryAfterOf(error);
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) throw error;
        const delayMs = retryDelay(policy, attempt + 1, retryAfter);
        policy.onRetry?.({ attempt: attempt + 1, delayMs, error, operationName: operation.name });
        await sleep(delayMs, [options.signal, call.signal]);
      }
    }
  }

  const request: CoreClient['request'] = (document, variables, call) =>
    send(String(document), variables, call) as Promise<never>;

  const pageOptions = (pageOptions: PaginateOptions<unknown>) => ({
    path: String(pageOptions.path),
    pageSize: pageOptions.pageSize,
    fetchPage: (document: string, variables: unknown) => send(document, variables, pageOptions),
  });

  return {
    request,
    paginate: (document, variables, options) => paginate(String(document), variables, pageOptions(options)) as never,
    pages: (document, variables, options) => pages(String(document), variables, pageOptions(options)) as never,
    async query(document, variables, field, call) {
      const data = (await send(document, variables, call)) as Record<PropertyKey, unknown>;
      return data[field] as never;
    },
    async mutate(document, variables, field, call) {
      const data = (await send(document, variables, call)) as Record<PropertyKey, { userErrors: unknown[] }>;
      return toMutationResult(data[field]!) as never;
    },
  };
}

function retryPolicy(
  client: Partial<RetryPolicy> | false | undefined,
  call: Partial<RetryPolicy> | false | undefined,
): RetryPolicy | undefined {
  if (client === false || call === false) return undefined;
  return { ...DEFAULT_RETRY, ...client, ...call };
}

function idempotencyKey(operation: OperationInfo, call: MutationOptions, generate: boolean): string | undefined {
  if (operation.kind !== 'mutation' || call.idempotencyKey === false) return undefined;
  if (call.idempotencyKey !== undefined) {
    if (!/^[\x20-\x7E]{1,255}$/.test(call.idempotencyKey)) {
      throw new SeminarHubError('idempotencyKey must be 1 to 255 printable ASCII characters.');
    }
    return call.idempotencyKey;
  }
  return generate ? randomKey() : undefined;
}

function randomKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context in browsers; 16 random bytes are as good.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
