import { existsSync } from 'node:fs';
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
  SEED: booleanFlag.default(true),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
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

export type Env = z.infer<typeof schema>;

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
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  // pnpm runs scripts inside the package folder; a relative DATA_DIR means relative to where the
  // command was typed, which pnpm records in INIT_CWD.
  return { ...result.data, DATA_DIR: resolve(source.INIT_CWD ?? process.cwd(), result.data.DATA_DIR) };
}
