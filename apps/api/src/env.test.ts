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
