import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with one request, in the order requests arrive; after the script, it passes.
 * - `pass`: forwards to the API and relays its answer.
 * - `drop`: closes the connection before the API sees the request (connection reset).
 * - `lose-answer`: forwards, lets the API answer, then closes the connection without relaying it: the
 *   change was made, but the client never hears so.
 * - `{ status, retryAfter?, json? }`: answers itself, as an overloaded gateway or server would.
 * - `{ delayMs }`: forwards after a pause.
 */
export type Step =
  | 'pass'
  | 'drop'
  | 'lose-answer'
  | { status: number; retryAfter?: string; json?: unknown; text?: string }
  | { delayMs: number };

export interface SeenRequest {
  at: number;
  headers: IncomingMessage['headers'];
  body: string;
  step: Step;
}

export interface FlakyProxy {
  /** The GraphQL endpoint through the proxy. */
  url: string;
  /** Every request the proxy received, in order. */
  seen: SeenRequest[];
  /** Replaces the script for the requests to come. */
  script(steps: Step[]): void;
  close(): Promise<void>;
}

/** An HTTP proxy in front of the live API that misbehaves on cue, to test how the SDK copes. */
export async function startFlakyProxy(target: string): Promise<FlakyProxy> {
  let steps: Step[] = [];
  const seen: SeenRequest[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const step = steps.shift() ?? 'pass';
    seen.push({ at: Date.now(), headers: request.headers, body, step });
    if (step === 'drop') return void request.socket.destroy();
    if (typeof step === 'object' && 'status' in step) return reply(response, step);
    if (typeof step === 'object') await new Promise((done) => setTimeout(done, step.delayMs));
    // A failed upstream is relayed as what it is to the client, a dropped connection, never as an
    // unhandled rejection that fails the whole test run.
    const answer = await forward(target, request, body).catch(() => undefined);
    if (!answer || step === 'lose-answer') return void request.socket.destroy();
    response.writeHead(answer.status, answer.headers).end(answer.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    seen,
    script: (next) => {
      steps = [...next];
    },
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

function reply(response: ServerResponse, step: { status: number; retryAfter?: string; json?: unknown; text?: string }) {
  const headers: Record<string, string> = {};
  if (step.retryAfter !== undefined) headers['retry-after'] = step.retryAfter;
  if (step.json !== undefined) {
    headers['content-type'] = 'application/json';
    response.writeHead(step.status, headers).end(JSON.stringify(step.json));
  } else {
    headers['content-type'] = 'text/html';
    response.writeHead(step.status, headers).end(step.text ?? `<html><body>${step.status}</body></html>`);
  }
}

/**
 * Forwards over a new connection each time (`agent: false`): a pooled keep-alive socket can be closed
 * by the API's idle timeout just as it is reused, which would fail a request the script meant to pass.
 */
function forward(target: string, request: IncomingMessage, body: string) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && !['host', 'content-length', 'connection', 'accept-encoding'].includes(name))
      headers[name] = value;
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }>(
    (resolve, reject) => {
      const upstream = httpRequest(
        `${target}${request.url}`,
        { method: request.method, headers, agent: false },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('error', reject);
          answer.on('end', () => {
            const relayed: Record<string, string | string[]> = {};
            for (const [name, value] of Object.entries(answer.headers)) {
              if (value !== undefined && !['content-length', 'transfer-encoding', 'connection'].includes(name))
                relayed[name] = value;
            }
            resolve({ status: answer.statusCode ?? 502, headers: relayed, body: Buffer.concat(chunks) });
          });
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    },
  );
}
