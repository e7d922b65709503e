import { type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';

/**
 * The GraphQL-over-HTTP conformance audit of graphql-http (the security reference, section 3), run
 * against the real server over a socket with CSRF prevention left on: every request carries
 * `apollo-require-preflight`, as our SDK and admin UI do on GET. A failing MUST fails the test;
 * SHOULD and MAY failures are logged. Expected warnings, all Apollo's documented choice of 400 over
 * 200 for request errors under the legacy `application/json`: 572B (parse failure), FDE2 (its
 * document does not parse either) and 7B9B (its document declares an unused variable, so it fails
 * validation before coercion).
 */

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

type FetchFn = typeof fetch;

/** A fetch that remembers its responses, so that bodies nobody read can be cancelled afterwards. */
function trackingFetch(preflight: boolean) {
  const responses: Response[] = [];
  const fetchFn: FetchFn = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (preflight) headers.set('apollo-require-preflight', 'true');
    const response = await fetch(input, { ...init, headers });
    responses.push(response);
    return response;
  };
  /** Cancels every body left unread (the audit reads only some), releasing its socket. */
  async function release() {
    await Promise.all(responses.splice(0).map((response) => (response.bodyUsed ? undefined : response.body?.cancel())));
  }
  return { fetchFn, release };
}

interface Outcome {
  id: string;
  name: string;
  status: AuditResult['status'];
  reason?: string;
  httpStatus?: number;
  body?: string;
}

/** Runs every audit in turn; failing ones keep their status code and (the start of) their body. */
async function runAudits(preflight: boolean): Promise<Outcome[]> {
  const { fetchFn, release } = trackingFetch(preflight);
  const outcomes: Outcome[] = [];
  for (const audit of serverAudits({ url: `${api.url}/graphql`, fetchFn })) {
    const result = await audit.fn();
    if (result.status === 'ok') {
      outcomes.push({ id: result.id, name: result.name, status: 'ok' });
    } else {
      const { response } = result;
      const body = response.bodyUsed ? undefined : (await response.text()).slice(0, 300);
      outcomes.push({
        id: result.id,
        name: result.name,
        status: result.status,
        reason: result.reason,
        httpStatus: response.status,
        ...(body === undefined ? {} : { body }),
      });
    }
    await release();
  }
  return outcomes;
}

function describeOutcome(outcome: Outcome): string {
  return `${outcome.status.toUpperCase()} [${outcome.id}] ${outcome.name}: ${outcome.reason} (HTTP ${outcome.httpStatus}${
    outcome.body ? `, body ${outcome.body}` : ''
  })`;
}

describe('graphql-http server audit (GraphQL over HTTP)', () => {
  let audited: Promise<Outcome[]> | undefined;
  const auditWithPreflight = () => {
    audited ??= runAudits(true);
    return audited;
  };

  it('passes every MUST audit with CSRF prevention on', async () => {
    const withPreflight = await auditWithPreflight();
    const passed = withPreflight.filter((outcome) => outcome.status === 'ok');
    const failed = withPreflight.filter((outcome) => outcome.status === 'error');
    const warnings = withPreflight.filter((outcome) => outcome.status === 'warn' || outcome.status === 'notice');
    for (const outcome of [...failed, ...warnings]) console.log(describeOutcome(outcome));
    console.log(
      `graphql-http audit: ${passed.length} passed, ${failed.length} failed, ${warnings.length} warnings (SHOULD/MAY)`,
    );
    expect(withPreflight.length).toBeGreaterThan(50);
    expect(failed.map(describeOutcome)).toEqual([]);
  });

  it('fails the GET audits without the preflight header: the CSRF block answers them 400', async () => {
    const withPreflight = await auditWithPreflight();
    const plain = await runAudits(false);
    const okBefore = new Set(withPreflight.filter((outcome) => outcome.status === 'ok').map((outcome) => outcome.id));
    const lost = plain.filter((outcome) => outcome.status !== 'ok' && okBefore.has(outcome.id));
    console.log(
      `graphql-http audit without the preflight header: ${lost.length} refused as CSRF (${lost.map((outcome) => outcome.id).join(', ')})`,
    );
    // Only requests a browser could send cross-site without a preflight are refused: GETs.
    expect(lost.length).toBeGreaterThan(0);
    for (const outcome of lost) {
      expect(outcome.name, describeOutcome(outcome)).toMatch(/\bGETs?\b/);
      expect(outcome.httpStatus, describeOutcome(outcome)).toBe(400);
      expect(outcome.body ?? '', describeOutcome(outcome)).toMatch(/CSRF/);
    }
    // Nothing that failed with the header passes without it.
    const okPlain = new Set(plain.filter((outcome) => outcome.status === 'ok').map((outcome) => outcome.id));
    expect([...okPlain].filter((id) => !okBefore.has(id))).toEqual([]);
  });
});
