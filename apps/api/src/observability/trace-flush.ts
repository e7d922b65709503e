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

/** Exports the spans still buffered, before the process exits; nothing when tracing is off. */
export async function flushTraces(): Promise<void> {
  await ((globalThis as Record<symbol, unknown>)[TRACING] as Tracing | undefined)?.shutdown();
}
