import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';
import type { Viewer } from '../core/auth/viewer.ts';
import type { Logger } from '../logger.ts';

export interface RateLimitOptions {
  /** Requests per window for a signed-in user or an API key. */
  points: number;
  /** Requests per window for one anonymous IP address. */
  anonymousPoints: number;
  windowSeconds: number;
  /** Shared budgets across API processes; in memory (per process) without it. */
  redis?: Redis | undefined;
  /** Namespace of the keys in Redis, so that installations or tests sharing a Redis stay apart. */
  keyPrefix?: string;
  /** Told of every refusal (the 429s), for the metrics. */
  onRefused?: ((budget: 'anonymous' | 'identified') => void) | undefined;
}

/** How long a budget check may wait for Redis before the process counts on its own. */
const REDIS_TIMEOUT_MS = 200;

function limiter(options: RateLimitOptions, points: number, name: string) {
  const memory = new RateLimiterMemory({ points, duration: options.windowSeconds });
  if (!options.redis) return memory;
  const shared = new RateLimiterRedis({
    storeClient: options.redis,
    points,
    duration: options.windowSeconds,
    keyPrefix: `${options.keyPrefix ?? 'seminarhub:rate'}:${name}`,
    // If Redis refuses, each process keeps counting on its own rather than failing requests.
    insuranceLimiter: memory,
  });
  // A Redis that accepts the connection but never answers would otherwise hold every request until
  // its deadline: past the timeout, the same in-memory count takes over.
  return new RLWrapperTimeouts({ limiter: shared, timeoutMs: REDIS_TIMEOUT_MS, insuranceLimiter: memory });
}

/** The budget a request spends: its user's, its API key's, or its IP address's when anonymous. */
function budgetOf(viewer: Viewer, ip: string | undefined): { key: string; anonymous: boolean } {
  if (viewer.kind === 'user') return { key: `user:${viewer.userId}`, anonymous: false };
  if (viewer.kind === 'apiKey') return { key: `key:${viewer.apiKeyId}`, anonymous: false };
  return { key: `ip:${ip ?? 'unknown'}`, anonymous: true };
}

/** One point per GraphQL request; over budget, 429 with Retry-After and a THROTTLED error. */
export function rateLimit(options: RateLimitOptions, log: Logger): RequestHandler {
  const identified = limiter(options, options.points, 'identified');
  const anonymous = limiter(options, options.anonymousPoints, 'anonymous');
  return async (req, res, next) => {
    const { key, anonymous: isAnonymous } = budgetOf(res.locals.viewer, req.ip);
    try {
      const spent = await (isAnonymous ? anonymous : identified).consume(key, 1);
      // Answered meanwhile (its deadline passed): there is no header left to set, nor a request to serve.
      if (res.headersSent) return;
      res.set('ratelimit-remaining', String(spent.remainingPoints));
      next();
    } catch (refusal) {
      if (res.headersSent) return;
      if (!(refusal instanceof RateLimiterRes)) {
        log.error({ err: refusal }, 'rate limiter failed; letting the request through');
        return next();
      }
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      options.onRefused?.(isAnonymous ? 'anonymous' : 'identified');
      res
        .status(429)
        .set('retry-after', String(seconds))
        .json({
          errors: [
            {
              message: `Too many requests: retry after ${seconds} s.`,
              extensions: { code: 'THROTTLED', retryAfterSeconds: seconds },
            },
          ],
        });
    }
  };
}
