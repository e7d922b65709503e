// The bench's only reader of the environment: sizes, durations and the database, all overridable so
// CI can run a tiny smoke pass with the same code.
const env = process.env;
const smoke = ['1', 'true', 'yes'].includes(env.BENCH_SMOKE ?? '');

function int(name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not "${raw}"`);
  return value;
}

function list(name, fallback) {
  const raw = env[name];
  if (!raw) return fallback;
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export const config = {
  smoke,
  databaseUrl:
    env.BENCH_DATABASE_URL ||
    `postgres://postgres@127.0.0.1:5432/${smoke ? 'bench_seminarhub_smoke' : 'bench_seminarhub'}`,
  sizes: {
    seminars: int('BENCH_SEMINARS', smoke ? 40 : 2_000),
    sessionsPerSeminar: int('BENCH_SESSIONS_PER_SEMINAR', 20),
    speakersPerSession: int('BENCH_SPEAKERS_PER_SESSION', 2),
    people: int('BENCH_PEOPLE', smoke ? 500 : 20_000),
    organizations: int('BENCH_ORGANIZATIONS', smoke ? 30 : 500),
    places: int('BENCH_PLACES', smoke ? 20 : 300),
    programs: int('BENCH_PROGRAMS', smoke ? 4 : 40),
  },
  /** Regenerate even when the database already holds a dataset of these sizes. */
  regenerate: ['1', 'true', 'yes'].includes(env.BENCH_REGENERATE ?? ''),
  durationSeconds: int('BENCH_DURATION', smoke ? 2 : 10),
  warmupSeconds: int('BENCH_WARMUP', smoke ? 1 : 3),
  rounds: int('BENCH_ROUNDS', smoke ? 1 : 3),
  connections: list('BENCH_CONNECTIONS', smoke ? ['16'] : ['16', '64']).map(Number),
  queries: list('BENCH_QUERIES', ['Q0', 'Q1', 'Q2', 'Q3', 'Q4']),
  /** Core for the servers and core for the load generator (`taskset -c`); empty disables pinning. */
  serverCpu: env.BENCH_SERVER_CPU ?? '0',
  loadCpu: env.BENCH_LOAD_CPU ?? '1',
  /** Restart the servers before each query's runs (default; off in smoke mode to save time). */
  restartPerQuery: env.BENCH_RESTART ? ['1', 'true', 'yes'].includes(env.BENCH_RESTART) : !smoke,
  ports: { seminarhub: 4701, postgraphile: 4702, floor: 4703 },
  adminEmail: 'bench-admin@seminarhub.local',
  adminPassword: 'bench-admin-password-2026',
};
