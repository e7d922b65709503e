/** Where the tracing preload (tracing.ts) leaves its handle; the bundles share no module instance. */
export const TRACING = Symbol.for('seminarhub.tracing');

export interface Tracing {
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** True when the process was started with the tracing preload and an OTLP endpoint. */
export function tracingActive(): boolean {
  return (globalThis as Record<symbol, unknown>)[TRACING] !== undefined;
}

/**
 * Exports the spans still buffered, before the process exits; nothing when tracing is off. A
 * collector that is down or slow costs the spans, never the exit: the failure is passed to `onError`.
 */
export async function flushTraces(onError: (reason: string) => void, timeoutMs = 5_000): Promise<void> {
  const tracing = (globalThis as Record<symbol, unknown>)[TRACING] as Tracing | undefined;
  if (!tracing) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer from the collector within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([tracing.shutdown(), timedOut]);
  } catch (error) {
    onError((error as Error).message);
  } finally {
    clearTimeout(timer);
  }
}
