import type { TestProject } from 'vitest/node';
import './index.ts';
import { startTestPostgres } from './postgres-server.ts';

/** Vitest global setup: one PostgreSQL and one template database for the whole run. */
export default async function setup(project: TestProject) {
  const { info, stop } = await startTestPostgres();
  console.log(`Tests run on PostgreSQL: ${info.server} (template database ${info.template})`);
  project.provide('testPostgres', info);
  return stop;
}
