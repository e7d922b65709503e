// OpenTelemetry tracing, loaded with `node --import` before the server's own modules: the
// instrumentations patch express, graphql and pg as they load, so they must be in place first (an
// import at the top of main.ts comes too late for ESM: the whole import graph is linked before any
// of it runs). Nothing is set up, and nothing is exported, unless an OTLP endpoint is configured.
import { register } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { type Env, EnvError, loadEnv } from '../env.ts';
import { TRACING, type Tracing } from './trace-flush.ts';

function configured(): Env | undefined {
  try {
    const env = loadEnv();
    return env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? env : undefined;
  } catch (error) {
    // main.ts reports the configuration's problems and exits; there is nothing to trace.
    if (error instanceof EnvError) return undefined;
    throw error;
  }
}

const env = configured();
if (env) {
  // Only the modules an instrumentation asked for go through the ESM hook, not the whole graph.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME }),
    // The exporter reads the standard variables itself: OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS,
    // _TIMEOUT; the batch processor reads OTEL_BSP_SCHEDULE_DELAY and the like.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes every few seconds would drown the traces that matter.
        ignoreIncomingRequestHook: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? ''),
      }),
      new ExpressInstrumentation(),
      // One span per operation with its parse, validate and execute; not one per trivial field.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      new PgInstrumentation({ requireParentSpan: true }),
      new PrismaInstrumentation(),
    ],
  });
  await waitForAllMessagesAcknowledged();
  const tracing: Tracing = { shutdown: () => provider.shutdown() };
  (globalThis as Record<symbol, unknown>)[TRACING] = tracing;
}
