import type { OperationInfo } from './documents.ts';
import { graphQLResponseError, HttpError, NetworkError, TimeoutError } from './errors.ts';

/** Headers as `fetch` takes them. */
export type HeadersLike = Record<string, string> | Headers | [string, string][];

export interface Attempt {
  url: string;
  fetch: typeof fetch;
  document: string;
  operation: OperationInfo;
  variables: unknown;
  headers: Headers;
  timeoutMs: number;
  /** The caller's abort signals (the client's and the call's). */
  signals: (AbortSignal | undefined)[];
}

const ACCEPT = 'application/graphql-response+json, application/json;q=0.9';

/**
 * Sends one HTTP request and reads its answer: the operation's `data`, or the error class that fits.
 * A timeout covers the whole exchange, body included. An abort by the caller rejects with the
 * signal's reason, as `fetch` does, and is never wrapped, so that it is never retried.
 */
export async function sendOnce({ url, fetch, document, operation, variables, headers, timeoutMs, signals }: Attempt) {
  const controller = new AbortController();
  const callerSignals = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  const aborted = callerSignals.find((signal) => signal.aborted);
  if (aborted) throw aborted.reason;
  const forward = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const signal of callerSignals) signal.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  headers.set('content-type', 'application/json');
  if (!headers.has('accept')) headers.set('accept', ACCEPT);
  const body = JSON.stringify({ query: document, variables: variables ?? {}, operationName: operation.name });
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: 'POST', headers, body, signal: controller.signal });
    text = await response.text();
  } catch (error) {
    if (timedOut) throw new TimeoutError(timeoutMs);
    const callerAbort = callerSignals.find((signal) => signal.aborted);
    if (callerAbort) throw callerAbort.reason;
    throw new NetworkError(`Could not reach ${url}: ${describe(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
    for (const signal of callerSignals) signal.removeEventListener('abort', forward);
  }
  return parseResponse(response, text, operation);
}

function parseResponse(response: Response, text: string, operation: OperationInfo): unknown {
  let json: { data?: unknown; errors?: unknown } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json && Array.isArray(json.errors) && json.errors.length > 0) {
    throw graphQLResponseError({
      errors: json.errors,
      data: json.data ?? null,
      status: response.status,
      headers: response.headers,
      operationName: operation.name,
    });
  }
  if (!response.ok || !json || typeof json.data !== 'object' || json.data === null) {
    throw new HttpError(response.status, text.slice(0, 1000), response.headers);
  }
  return json.data;
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}
