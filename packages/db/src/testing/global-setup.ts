import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testPostgres: TestPostgres;
  }
}

/** Vitest global setup: one PostgreSQL and one template database for the whole run. */
export default async function setup(project: TestProject) {
  const { info, stop } = await startTestPostgres();
  project.provide('testPostgres', info);
  return stop;
}
