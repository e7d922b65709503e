// OpenTelemetry tracing, loaded with `node --import` before the server's own modules: the
// instrumentations patch express, graphql and pg as they load, so they must be in place first (an
// import at the top of main.ts comes too late for ESM: the whole import graph is linked before any
// of it runs). Nothing is set up, and nothing is exported, unless an OTLP endpoint is configured;
// the OpenTelemetry packages are then not even loaded, which saves about 160 ms of every start.
import { type Env, EnvError, loadEnv, tracesExported } from '../env.ts';

function configured(): Env | undefined {
  try {
    const env = loadEnv();
    return tracesExported(env) ? env : undefined;
  } catch (error) {
    // main.ts reports the configuration's problems and exits; there is nothing to trace.
    if (error instanceof EnvError) return undefined;
    throw error;
  }
}

const env = configured();
if (env) {
  const { startTracing } = await import('./tracing-setup.ts');
  await startTracing(env);
}
