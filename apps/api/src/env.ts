import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (the folder with pnpm-workspace.yaml), home of the default `.data/`. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

/**
 * Origins whose pages may call the API (CORS): comma-separated, each exactly as a browser sends it
 * in `Origin` (scheme, host, port if not the default; no path, no trailing slash). No wildcard: an
 * allow-list is the point.
 */
const corsOrigins = z
  .string()
  .default('')
  .transform((value, context) => {
    const origins = value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    for (const origin of origins) {
      const problem = originProblem(origin);
      if (problem) context.addIssue({ code: 'custom', message: `"${origin}" ${problem}` });
    }
    return [...new Set(origins)];
  });

function originProblem(origin: string): string | undefined {
  if (origin.includes('*')) return 'is a wildcard: list each origin, e.g. https://seminars.example.org';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'is not an origin: write scheme://host[:port], e.g. https://seminars.example.org';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'is not an http:// or https:// origin';
  if (url.origin !== origin) return `is not exactly an origin: write ${url.origin}`;
  return undefined;
}

/**
 * Express's `trust proxy`: which hops' X-Forwarded-For may name the client (its address feeds the
 * rate limits and sign-in records). `true`/`false`, a hop count, or a comma-separated list of
 * addresses, CIDR ranges and Express's names `loopback`, `linklocal`, `uniquelocal`.
 */
const trustProxy = z
  .string()
  .default('loopback')
  .transform((value, context): boolean | number | string[] => {
    const text = value.trim();
    if (text === 'true' || text === 'false') return text === 'true';
    if (/^\d+$/.test(text)) return Number(text);
    const entries = text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    if (entries.length === 0) context.addIssue({ code: 'custom', message: 'must not be empty' });
    for (const entry of entries) {
      if (!isProxyEntry(entry)) {
        context.addIssue({
          code: 'custom',
          message: `"${entry}" is not true, false, a hop count, an address, a CIDR range, loopback, linklocal or uniquelocal`,
        });
      }
    }
    return entries;
  });

function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const optionalUrl = z
  .string()
  .regex(/^https?:\/\/[^/]/, 'must be an http:// or https:// URL')
  .optional()
  .or(z.literal('').transform(() => undefined));

/** A whole number in a range, or unset (an empty value too). */
function optionalCount(min: number, max: number) {
  return z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ message: 'must be a number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .optional(),
  );
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default(join(repositoryRoot(), '.data')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: on, except with NODE_ENV=production (see loadEnv). */
  SEED: booleanFlag.optional(),
  TRUST_PROXY: trustProxy,
  /** Bearer token for GET /metrics; unset, only loopback callers not behind a proxy may read it. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // OpenTelemetry's standard variables: traces are exported only when an endpoint is set. The
  // exporter also reads OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_* and the like itself.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().min(1).default('seminarhub-api'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // The admission limit of /graphql (http/admission.ts). Unset, they follow the pool and the deadline:
  // twice DATABASE_POOL_MAX running, twice that queued, half of REQUEST_TIMEOUT_MS of queue wait.
  MAX_CONCURRENT_REQUESTS: optionalCount(1, 10_000),
  MAX_QUEUED_REQUESTS: optionalCount(0, 100_000),
  MAX_QUEUE_WAIT_MS: optionalCount(1, 120_000),
  /** Read queries compiled into one SQL statement (fast-read/); false runs every field's resolver. */
  FAST_READS: booleanFlag.default(true),
  /**
   * How long a shutdown (SIGTERM, SIGINT) may take in all: drain, then stop Apollo, Redis and the
   * database. Past it, what is left is cancelled and the process exits with code 1. Below
   * Kubernetes' default 30 s grace period.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  RATE_LIMIT_POINTS: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_ANONYMOUS_POINTS: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  CORS_ORIGINS: corsOrigins,
  ADMIN_EMAIL: z.string().email('must be an email address').default('admin@seminarhub.local'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
});

export type Env = Omit<z.infer<typeof schema>, 'SEED'> & { SEED: boolean };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * The only reader of the environment: validates every variable and reports all problems at once.
 * Everything else receives the parsed values.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema
    .refine((env) => env.MAX_QUEUE_WAIT_MS === undefined || env.MAX_QUEUE_WAIT_MS <= env.REQUEST_TIMEOUT_MS, {
      path: ['MAX_QUEUE_WAIT_MS'],
      message: 'must not exceed REQUEST_TIMEOUT_MS: the deadline answers a request that waits longer',
    })
    .safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  // pnpm runs scripts inside the package folder; a relative DATA_DIR means relative to where the
  // command was typed, which pnpm records in INIT_CWD.
  return {
    ...result.data,
    DATA_DIR: resolve(source.INIT_CWD ?? process.cwd(), result.data.DATA_DIR),
    // The example seminar is for trying SeminarHub out: a production database gets it only on request.
    SEED: result.data.SEED ?? result.data.NODE_ENV !== 'production',
  };
}

/** Whether traces are exported (observability/tracing.ts): an OTLP endpoint is configured. */
export function tracesExported(env: Env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}
