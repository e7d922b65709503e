export {
  DataDirInUseError,
  EmbeddedPostgresSetupError,
  type EmbeddedServer,
  startEmbeddedPostgres,
} from './embedded-postgres.ts';
export * from './generated/prisma/client.ts';
export type { DbLogger } from './logger.ts';
export { applyPendingMigrations } from './migrations/engine.ts';
export { type Database, type DatabaseConfig, openDatabase, READINESS_TIMEOUT_MS } from './open-database.ts';
export { ConnectionSilentError, isDatabaseUnavailable } from './outage.ts';
export {
  currentRequestWork,
  outsideRequestWork,
  RequestStoppedError,
  RequestWork,
  type StopOutcome,
} from './request-work.ts';
export { EXAMPLE_PROGRAM_ID, EXAMPLE_SEMINAR_ID, seedExampleSeminar } from './seed/example-seminar.ts';
