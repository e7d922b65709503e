import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.ts';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('CORS_ORIGINS', () => {
  it('is empty by default: no other origin may call the API from a browser', () => {
    expect(loadEnv({}).CORS_ORIGINS).toEqual([]);
    expect(loadEnv({ CORS_ORIGINS: ' ' }).CORS_ORIGINS).toEqual([]);
  });

  it('takes comma-separated origins, trimmed, each once', () => {
    const env = loadEnv({
      CORS_ORIGINS: 'https://seminars.example.org, http://localhost:5173,https://seminars.example.org',
    });
    expect(env.CORS_ORIGINS).toEqual(['https://seminars.example.org', 'http://localhost:5173']);
  });

  it('refuses a wildcard, a path, a default port and a non-web scheme, naming each value', () => {
    const problems = problemsOf({
      CORS_ORIGINS: '*,https://seminars.example.org/,https://Example.org:443,ftp://files.example.org,nonsense',
    });
    expect(problems).toEqual([
      'CORS_ORIGINS: "*" is a wildcard: list each origin, e.g. https://seminars.example.org',
      'CORS_ORIGINS: "https://seminars.example.org/" is not exactly an origin: write https://seminars.example.org',
      'CORS_ORIGINS: "https://Example.org:443" is not exactly an origin: write https://example.org',
      'CORS_ORIGINS: "ftp://files.example.org" is not an http:// or https:// origin',
      'CORS_ORIGINS: "nonsense" is not an origin: write scheme://host[:port], e.g. https://seminars.example.org',
    ]);
  });
});

describe('SEED', () => {
  it('is on by default outside production and off in production, so a real database never gets the example', () => {
    expect(loadEnv({}).SEED).toBe(true);
    expect(loadEnv({ NODE_ENV: 'test' }).SEED).toBe(true);
    expect(loadEnv({ NODE_ENV: 'production' }).SEED).toBe(false);
  });

  it('follows an explicit value in any environment', () => {
    expect(loadEnv({ NODE_ENV: 'production', SEED: 'true' }).SEED).toBe(true);
    expect(loadEnv({ SEED: 'no' }).SEED).toBe(false);
    expect(problemsOf({ SEED: 'maybe' })).toEqual(['SEED: must be true or false']);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts only a proxy on this machine by default, as before it was configurable', () => {
    expect(loadEnv({}).TRUST_PROXY).toEqual(['loopback']);
  });

  it('takes the values Express knows: true/false, a hop count, names, addresses and CIDR ranges', () => {
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8 ,192.0.2.7' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
  });

  it('refuses what Express would misread, naming each value', () => {
    expect(problemsOf({ TRUST_PROXY: 'yes,10.0.0.0/33,proxy.example.org' })).toEqual([
      'TRUST_PROXY: "yes" is not true, false, a hop count, an address, a CIDR range, loopback, linklocal or uniquelocal',
      'TRUST_PROXY: "10.0.0.0/33" is not true, false, a hop count, an address, a CIDR range, loopback, linklocal or uniquelocal',
      'TRUST_PROXY: "proxy.example.org" is not true, false, a hop count, an address, a CIDR range, loopback, linklocal or uniquelocal',
    ]);
    expect(problemsOf({ TRUST_PROXY: ' , ' })).toEqual(['TRUST_PROXY: must not be empty']);
  });
});

describe('METRICS_TOKEN and OpenTelemetry', () => {
  it('leaves /metrics without a token and tracing off by default', () => {
    const env = loadEnv({});
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(env.OTEL_SERVICE_NAME).toBe('seminarhub-api');
  });

  it('refuses a short token and an endpoint that is not a URL', () => {
    expect(problemsOf({ METRICS_TOKEN: 'short', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual([
      'METRICS_TOKEN: must be at least 16 characters',
      'OTEL_EXPORTER_OTLP_ENDPOINT: must be an http:// or https:// URL',
    ]);
  });
});

describe('MAX_CONCURRENT_REQUESTS, MAX_QUEUED_REQUESTS, MAX_QUEUE_WAIT_MS', () => {
  it('are unset by default, so that the admission limit follows the pool and the deadline', () => {
    const env = loadEnv({});
    expect([env.MAX_CONCURRENT_REQUESTS, env.MAX_QUEUED_REQUESTS, env.MAX_QUEUE_WAIT_MS]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(loadEnv({ MAX_CONCURRENT_REQUESTS: '' }).MAX_CONCURRENT_REQUESTS).toBeUndefined();
  });

  it('take whole numbers; no queue at all is allowed, no slot is not', () => {
    const env = loadEnv({ MAX_CONCURRENT_REQUESTS: '8', MAX_QUEUED_REQUESTS: '0', MAX_QUEUE_WAIT_MS: '2500' });
    expect([env.MAX_CONCURRENT_REQUESTS, env.MAX_QUEUED_REQUESTS, env.MAX_QUEUE_WAIT_MS]).toEqual([8, 0, 2500]);
    expect(problemsOf({ MAX_CONCURRENT_REQUESTS: '0', MAX_QUEUED_REQUESTS: 'many' })).toEqual([
      'MAX_CONCURRENT_REQUESTS: must be at least 1',
      'MAX_QUEUED_REQUESTS: must be a number',
    ]);
  });

  it('refuses a queue wait longer than the deadline, which would answer first', () => {
    expect(problemsOf({ REQUEST_TIMEOUT_MS: '2000', MAX_QUEUE_WAIT_MS: '3000' })).toEqual([
      'MAX_QUEUE_WAIT_MS: must not exceed REQUEST_TIMEOUT_MS: the deadline answers a request that waits longer',
    ]);
    expect(loadEnv({ REQUEST_TIMEOUT_MS: '2000', MAX_QUEUE_WAIT_MS: '2000' }).MAX_QUEUE_WAIT_MS).toBe(2000);
  });
});
