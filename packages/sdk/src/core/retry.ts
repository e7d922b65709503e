import { GraphQLResponseError, HttpError, NetworkError, retryAfterMs, ThrottledError } from './errors.ts';

/** When and how long to wait before sending a request again. */
export interface RetryPolicy {
  /** Attempts after the first. Default 3. */
  retries: number;
  /** The first backoff step; each next one doubles. Default 250 ms. */
  minDelayMs: number;
  /** No backoff step exceeds this. Default 8 s. */
  maxDelayMs: number;
  /**
   * The longest `Retry-After` the client waits out; a longer one is thrown at once as a
   * {@link ThrottledError}, for the caller to schedule. Default 60 s.
   */
  maxRetryAfterMs: number;
  /** Called before each wait, e.g. to log it. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  error: unknown;
  operationName: string | undefined;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

// Gateways answer 502 and 504 for an API process that is restarting; the API answers 503 (with a GraphQL
// error and Retry-After) when a request outlives its deadline.
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Failures that may pass on their own: no answer, throttling, an overloaded or restarting server. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof ThrottledError) return true;
  return (error instanceof HttpError || error instanceof GraphQLResponseError) && RETRYABLE_STATUS.has(error.status);
}

/**
 * How long to wait before retry number `attempt` (1-based): exponential backoff with "equal jitter"
 * (half the step fixed, half random, so clients that failed together spread out but still back off),
 * and never less than the server's `Retry-After`.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random = Math.random,
): number {
  const step = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (attempt - 1));
  const backoff = step / 2 + random() * (step / 2);
  return Math.round(Math.max(backoff, retryAfterMs ?? 0));
}

/** The `Retry-After` a failure carries, if any. */
export function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof ThrottledError) return error.retryAfterMs;
  return error instanceof HttpError || error instanceof GraphQLResponseError ? retryAfterMs(error.headers) : undefined;
}

/** Waits, unless one of the signals aborts first (then rejects with its reason); leaves no listener behind. */
export function sleep(ms: number, signals: (AbortSignal | undefined)[]): Promise<void> {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return new Promise((resolve, reject) => {
    const aborted = present.find((signal) => signal.aborted);
    if (aborted) return reject(aborted.reason);
    const done = () => {
      clearTimeout(timer);
      for (const signal of present) signal.removeEventListener('abort', onAbort);
    };
    const onAbort = (event: Event) => {
      done();
      reject((event.target as AbortSignal).reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    for (const signal of present) signal.addEventListener('abort', onAbort, { once: true });
  });
}
