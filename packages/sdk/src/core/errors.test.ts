import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlakyProxy, startFlakyProxy } from '../../test/flaky-proxy.ts';
import { type LiveApi, startLiveApi } from '../../test/live-api.ts';
import {
  BadUserInputError,
  createClient,
  ForbiddenError,
  GraphQLResponseError,
  HttpError,
  InternalServerError,
  NetworkError,
  NotFoundError,
  ThrottledError,
  TimeoutError,
  UnauthenticatedError,
  UserErrorsError,
  unwrap,
} from '../index.ts';

// Each error class, raised by the live API where it can produce the failure, else by a proxy in front.
let live: LiveApi;
let proxy: FlakyProxy;

beforeAll(async () => {
  live = await startLiveApi();
  proxy = await startFlakyProxy(live.api.url);
});
afterAll(async () => {
  await proxy?.close();
  await live?.close();
});

describe('errors', () => {
  it('NetworkError when nothing answers', async () => {
    const client = createClient({ url: 'http://127.0.0.1:9/graphql', retry: false });
    const error = await client.seminars.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain('Could not reach http://127.0.0.1:9/graphql');
  });

  it('TimeoutError when the answer comes too late', async () => {
    proxy.script([{ delayMs: 1000 }]);
    const client = createClient({ url: proxy.url, retry: false, timeoutMs: 200 });
    const error = await client.seminars.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as TimeoutError).timeoutMs).toBe(200);
  });

  it('HttpError for an answer that is not GraphQL, with its status and body', async () => {
    proxy.script([{ status: 502, text: '<html>Bad gateway</html>' }]);
    const client = createClient({ url: proxy.url, retry: false });
    const error = await client.seminars.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(502);
    expect((error as HttpError).body).toContain('Bad gateway');
  });

  it('UnauthenticatedError for a revoked or unknown token', async () => {
    const client = createClient({ url: live.endpoint, token: 'shs_not-a-real-token', retry: false });
    const error = await client.auth.viewer().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect((error as UnauthenticatedError).code).toBe('UNAUTHENTICATED');
    expect((error as UnauthenticatedError).status).toBe(401);
  });

  it('ForbiddenError when the caller may not do this', async () => {
    const client = await live.clientAs('PARTICIPANT', { retry: false });
    const [organization] = (await client.organizations.list({ first: 1 })).nodes;
    const input = { code: 'NOPE', title: 'Not allowed', funderId: organization!.id, implementerId: organization!.id };
    const error = await client.programs.create(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).errors[0]!.message).toContain('Only administrators');
  });

  it('NotFoundError for a path that is not the API', async () => {
    const client = createClient({ url: `${live.api.url}/graphq`, retry: false });
    await expect(client.seminars.list()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('BadUserInputError for a request over the limits, naming the path', async () => {
    const client = createClient({ url: live.endpoint, retry: false });
    const error = await client.seminars.list({ search: 'x'.repeat(201) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).code).toBe('BAD_USER_INPUT');
    expect((error as BadUserInputError).operationName).toBe('SeminarsList');
  });

  it('ThrottledError from the API rate limit, with the delay to wait', async () => {
    const limited = await startLiveApi({ rateLimit: { points: 1, anonymousPoints: 1, windowSeconds: 30 } });
    try {
      const client = createClient({ url: limited.endpoint, retry: false });
      await client.seminars.list({ first: 1 });
      const error = await client.seminars.list({ first: 1 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ThrottledError);
      expect((error as ThrottledError).status).toBe(429);
      expect((error as ThrottledError).retryAfterMs).toBeGreaterThan(0);
      expect((error as ThrottledError).retryAfterMs).toBeLessThanOrEqual(30_000);
    } finally {
      await limited.close();
    }
  });

  it('InternalServerError for an unexpected failure, without leaking details', async () => {
    proxy.script([
      {
        status: 500,
        json: { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
      },
    ]);
    const client = createClient({ url: proxy.url, retry: false });
    const error = await client.seminars.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toBeInstanceOf(GraphQLResponseError);
  });

  it('a refused mutation is a result with typed userErrors; unwrap() throws UserErrorsError', async () => {
    const client = await live.clientAs('ADMIN', { retry: false });
    const created = unwrap(await client.organizations.create({ name: 'Versioned', type: 'NGO', countryCode: 'UZ' }));
    const stale = await client.organizations.update({
      id: created.organization!.id,
      version: created.organization!.version + 1,
      name: 'Changed',
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.userErrors[0].code).toBe('CONFLICT');
    const error = (() => {
      try {
        unwrap(stale);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UserErrorsError);
    expect((error as UserErrorsError).code).toBe('CONFLICT');
    expect((error as UserErrorsError).userErrors[0]!.field).toEqual(['input', 'version']);
  });
});
