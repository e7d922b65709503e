import type { Database } from '@seminarhub/db';

/**
 * Slow writes on cue: a place's name says how long its INSERT and its COMMIT take
 * (`"… insert=0.50 commit=1.00"`, in seconds), so that a test can put a deadline or a fault before,
 * inside or after each step of the transaction. The COMMIT's wait is a deferred trigger, which runs
 * inside COMMIT, where a cancel still rolls the transaction back.
 */
export async function installSlowPlaceWrites(pool: Database['pool']): Promise<void> {
  await pool.query(`
    CREATE FUNCTION test_sleep_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_sleep(coalesce(substring(NEW.name from 'insert=([0-9.]+)')::float, 0));
      RETURN NEW;
    END $$;
    CREATE FUNCTION test_sleep_on_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_sleep(coalesce(substring(NEW.name from 'commit=([0-9.]+)')::float, 0));
      RETURN NULL;
    END $$;
    CREATE TRIGGER test_slow_insert BEFORE INSERT ON "Place" FOR EACH ROW EXECUTE FUNCTION test_sleep_on_insert();
    CREATE CONSTRAINT TRIGGER test_slow_commit AFTER INSERT ON "Place" DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION test_sleep_on_commit();
  `);
}
