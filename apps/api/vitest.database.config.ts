import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * CI's second run, on the system PostgreSQL (15, over TCP) after the whole suite has passed on the
 * embedded one (18): only the tests whose outcome can depend on which PostgreSQL answers. Everything
 * else reaches the database through the same Prisma queries and would only repeat itself.
 * docs/TESTING.md#two-databases says why each file is here; add a test file that uses raw SQL, locks,
 * time zones, text search or the database's own clock.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: [
        // Raw SQL and text search ranking.
        'src/core/lists/lists.test.ts',
        // Time zones: PostgreSQL's own tz database and date range, beside Node's.
        'src/core/zoned-time.test.ts',
        // Which zones a seminar may use: this server's pg_timezone_names (598 on 18, 1198 on 15).
        'src/core/time-zones.test.ts',
        'src/modules/seminars/seminar-rules.test.ts',
        'src/modules/sessions/agenda.test.ts',
        // Row locks (FOR UPDATE), advisory locks and concurrent writers.
        'src/modules/enrollments/enrollment-workflow.test.ts',
        'src/modules/enrollments/enrollment-bulk.test.ts',
        'src/modules/follow-up/milestones.test.ts',
        'src/modules/organizations/organizations.test.ts',
        'src/modules/participation/attendance-feedback.test.ts',
        // Unique-index races, the database's clock and time windows.
        'src/http/idempotency.test.ts',
        // Statements cancelled and transactions rolled back at the deadline (pg_cancel_backend).
        'src/http/deadline.test.ts',
        'src/modules/accounts/accounts.test.ts',
        'src/housekeeping/purge.test.ts',
        // The readiness check against a server reached over TCP.
        'src/http/readiness.test.ts',
        // Connections refused, stalled, reset and failed over: how the server ends a session whose
        // client is gone, and whether a COMMIT finishes without it.
        'src/http/database-faults.test.ts',
      ],
    },
  }),
);
