import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/testkit.ts';
import { hashSecret } from '../../core/auth/tokens.ts';
import { ensureFirstAdmin, LOGIN_POLICY } from './service.ts';

let api: TestApi;
const ADMIN = { email: 'Admin@Example.org', password: 'a long and sturdy passphrase' };

const LOGIN = `mutation($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) {
    token expiresAt viewer { kind role permissions user { email } } userErrors { field message code }
  }
}`;

beforeAll(async () => {
  api = await startTestApi();
  await ensureFirstAdmin(api.db.prisma, ADMIN, pino({ level: 'silent' }));
});
afterAll(() => api?.close());

const login = (email: string, password: string) => api.graphql(LOGIN, { email, password });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const failuresFor = (email: string) => api.db.prisma.loginFailure.count({ where: { email } });

async function newAccount(email: string, password: string, role: 'PARTICIPANT' | 'COORDINATOR' = 'PARTICIPANT') {
  const { hashPassword } = await import('../../core/auth/passwords.ts');
  await api.db.prisma.user.create({ data: { email, role, passwordHash: await hashPassword(password) } });
}

describe('the first administrator', () => {
  it('is created once from ADMIN_EMAIL and ADMIN_PASSWORD, and signs in', async () => {
    await ensureFirstAdmin(
      api.db.prisma,
      { email: 'other@example.org', password: 'another long passphrase' },
      pino({ level: 'silent' }),
    );
    expect(await api.db.prisma.user.count({ where: { role: 'ADMIN' } })).toBe(1);

    const { data } = await login('admin@example.org', ADMIN.password);
    expect(data.login.userErrors).toEqual([]);
    expect(data.login.token).toMatch(/^shs_[A-Za-z0-9_-]{43}$/);
    expect(data.login.viewer).toMatchObject({ kind: 'USER', role: 'ADMIN', user: { email: 'admin@example.org' } });
    expect(data.login.viewer.permissions).toContain('MANAGE_API_KEYS');
  });

  it('gets a generated password, logged once, when ADMIN_PASSWORD is unset', async () => {
    const fresh = await startTestApi();
    try {
      await fresh.db.prisma.user.deleteMany({ where: { role: 'ADMIN' } });
      const lines: string[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
      await ensureFirstAdmin(fresh.db.prisma, { email: 'root@example.org', password: undefined }, log);
      const entry = JSON.parse(lines.find((line) => line.includes('generated password')) ?? '{}');
      expect(entry.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const { data } = await fresh.graphql(LOGIN, { email: 'root@example.org', password: entry.password });
      expect(data.login.viewer.role).toBe('ADMIN');
    } finally {
      await fresh.close();
    }
  });
});

describe('signing in', () => {
  it('stores only a hash of the session token, and the token identifies the viewer', async () => {
    const { data } = await login(ADMIN.email, ADMIN.password);
    const token = data.login.token as string;
    const stored = await api.db.prisma.authSession.findUnique({ where: { tokenHash: hashSecret(token) } });
    expect(stored).not.toBeNull();
    expect(JSON.stringify(await api.db.prisma.authSession.findMany())).not.toContain(token);

    const viewer = await api.graphql('{ viewer { kind role user { email } } }', {}, bearer(token));
    expect(viewer.data.viewer).toEqual({ kind: 'USER', role: 'ADMIN', user: { email: 'admin@example.org' } });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await login('admin@example.org', 'not the password at all');
    const unknown = await login('nobody@example.org', 'not the password at all');
    for (const { data } of [wrong, unknown]) {
      expect(data.login).toMatchObject({ token: null, viewer: null });
      expect(data.login.userErrors).toEqual([
        { field: null, message: 'The email or password is wrong.', code: 'INVALID_CREDENTIALS' },
      ]);
    }
    await api.db.prisma.loginFailure.deleteMany();
  });

  it('backs off after repeated failures and locks the email at the tenth, even for the right password', async () => {
    const email = 'backoff@example.org';
    await newAccount(email, 'the right passphrase here');
    for (let attempt = 1; attempt <= LOGIN_POLICY.backoffFrom; attempt++) {
      expect((await login(email, 'wrong guess number x')).data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const throttled = await login(email, 'the right passphrase here');
    expect(throttled.data.login.token).toBeNull();
    expect(throttled.data.login.userErrors[0]).toMatchObject({
      code: 'THROTTLED',
      message: expect.stringMatching(/wait \d+ s/),
    });
    expect(await failuresFor(email)).toBe(LOGIN_POLICY.backoffFrom);

    // Ten failures inside the window lock the email, whatever the password.
    const earlier = new Date(Date.now() - 60_000);
    await api.db.prisma.loginFailure.createMany({
      data: Array.from({ length: LOGIN_POLICY.maxFailures - LOGIN_POLICY.backoffFrom }, () => ({ email, at: earlier })),
    });
    const locked = await login(email, 'the right passphrase here');
    expect(locked.data.login.token).toBeNull();
    expect(locked.data.login.userErrors[0]).toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(/locked until/),
    });

    // Once the failures leave the 15-minute window, the right password works and clears the count.
    await api.db.prisma.loginFailure.updateMany({
      where: { email },
      data: { at: new Date(Date.now() - LOGIN_POLICY.windowMs - 1000) },
    });
    const after = await login(email, 'the right passphrase here');
    expect(after.data.login.token).toMatch(/^shs_/);
    expect(await failuresFor(email)).toBe(0);
  });

  it('counts every aliased attempt in one operation like separate requests', async () => {
    const email = 'aliases@example.org';
    await newAccount(email, 'the right passphrase here');
    const aliases = Array.from(
      { length: 12 },
      (_, index) =>
        `a${index}: login(input: { email: "${email}", password: "${index === 11 ? 'the right passphrase here' : `guess ${index}`}" }) { token userErrors { code } }`,
    ).join('\n');
    const { data } = await api.graphql(`mutation { ${aliases} }`);
    const codes = Object.values(data).map((result: any) => result.userErrors[0]?.code ?? 'OK');
    expect(codes.slice(0, LOGIN_POLICY.backoffFrom)).toEqual(
      Array(LOGIN_POLICY.backoffFrom).fill('INVALID_CREDENTIALS'),
    );
    expect(codes.slice(LOGIN_POLICY.backoffFrom)).toEqual(Array(12 - LOGIN_POLICY.backoffFrom).fill('THROTTLED'));
    expect(data.a11.token).toBeNull();
    expect(await failuresFor(email)).toBe(LOGIN_POLICY.backoffFrom);
  });
});

describe('sessions', () => {
  it('signs out: the token stops working', async () => {
    const { data } = await login(ADMIN.email, ADMIN.password);
    const token = data.login.token as string;
    const out = await api.graphql('mutation { logout { revoked userErrors { code } } }', {}, bearer(token));
    expect(out.data.logout).toEqual({ revoked: true, userErrors: [] });
    const after = await api.graphql('{ viewer { kind } }', {}, bearer(token));
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses expired, malformed and unknown credentials with 401, never as anonymous', async () => {
    const { data } = await login(ADMIN.email, ADMIN.password);
    await api.db.prisma.authSession.update({
      where: { tokenHash: hashSecret(data.login.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    for (const authorization of [
      `Bearer ${data.login.token}`,
      'Bearer shs_unknown',
      'Basic abc',
      'Bearer',
      'Bearer xyz_123',
    ]) {
      const response = await api.graphql('{ viewer { kind } }', {}, { authorization });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.data).toBeUndefined();
    }
  });

  it('changes a password, checking the current one and the new one, and signs out other sessions', async () => {
    const email = 'changer@example.org';
    await newAccount(email, 'the first passphrase ok');
    const first = (await login(email, 'the first passphrase ok')).data.login.token as string;
    const second = (await login(email, 'the first passphrase ok')).data.login.token as string;
    const CHANGE = `mutation($current: String!, $next: String!) {
      passwordChange(input: { currentPassword: $current, newPassword: $next }) { viewer { kind } userErrors { field code message } }
    }`;

    const wrong = await api.graphql(
      CHANGE,
      { current: 'not it at all!!', next: 'a brand new passphrase' },
      bearer(first),
    );
    expect(wrong.data.passwordChange.userErrors[0]).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      field: ['input', 'currentPassword'],
    });
    const weak = await api.graphql(CHANGE, { current: 'the first passphrase ok', next: 'short' }, bearer(first));
    expect(weak.data.passwordChange.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'newPassword'] });
    expect((await login(email, 'the first passphrase ok')).data.login.token).toMatch(/^shs_/);

    const changed = await api.graphql(
      CHANGE,
      { current: 'the first passphrase ok', next: 'a brand new passphrase' },
      bearer(first),
    );
    expect(changed.data.passwordChange).toEqual({ viewer: { kind: 'USER' }, userErrors: [] });
    expect((await api.graphql('{ viewer { kind } }', {}, bearer(first))).status).toBe(200);
    expect((await api.graphql('{ viewer { kind } }', {}, bearer(second))).status).toBe(401);
    expect((await login(email, 'the first passphrase ok')).data.login.token).toBeNull();
    expect((await login(email, 'a brand new passphrase')).data.login.token).toMatch(/^shs_/);
  });

  it('tells anonymous callers who they are and what they may do', async () => {
    const { data } = await api.graphql('{ viewer { kind role user { id } permissions } }');
    expect(data.viewer).toEqual({ kind: 'ANONYMOUS', role: null, user: null, permissions: ['READ_PUBLIC'] });
  });

  it('requires a signed-in user for logout and passwordChange', async () => {
    const out = await api.graphql('mutation { logout { revoked } }');
    expect(out.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
