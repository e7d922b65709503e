import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { drainableServer } from './drain.ts';

// The drain on its own, over raw sockets and a handler that answers when told: the cases the
// process test (test/process-faults.test.ts) cannot time, a request that arrives on a connection
// the drain could not close because its answer was still streaming.
function request(path: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n`;
}

describe('drainableServer', () => {
  it('answers a request that arrives on a kept connection during the drain with 503 and Connection: close', async () => {
    let finishStream = () => {};
    const { http, drain, inFlight } = drainableServer((req, res) => {
      if (req.url === '/stream') {
        // Headers out before the drain: this answer can no longer say Connection: close.
        res.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
        res.write('part one;');
        finishStream = () => res.end('part two');
        return;
      }
      res.end('ok');
    });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const { port } = http.address() as AddressInfo;

    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    const closed = once(socket, 'close');
    // A streaming answer, and once the drain began a second request on the same connection (pipelined).
    socket.write(request('/stream'));
    while (!received.includes('part one')) await new Promise((done) => setTimeout(done, 10));
    expect(inFlight().map((entry) => entry.path)).toEqual(['/stream']);

    const drained = drain();
    socket.write(request('/after'));
    await new Promise((done) => setTimeout(done, 100));
    finishStream();
    await drained;
    await closed;

    const [first, second] = received.split('HTTP/1.1 ').filter(Boolean);
    expect(first).toMatch(/^200 /);
    expect(first?.toLowerCase()).toContain('connection: keep-alive');
    expect(first).toContain('part two');
    expect(second).toMatch(/^503 /);
    expect(second?.toLowerCase()).toContain('connection: close');
    expect(second?.toLowerCase()).toContain('retry-after: 1');
    expect(second).toContain('SERVICE_UNAVAILABLE');
    expect(http.listening).toBe(false);
  });

  it('cuts what is still open when cancelled, and says what it cut', async () => {
    const { http, drain, cancel } = drainableServer(() => {
      // Never answers.
    });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const { port } = http.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    const closed = once(socket, 'close');
    socket.write(request('/hangs?x=1'));
    await new Promise((done) => setTimeout(done, 100));

    let drained = false;
    void drain().then(() => {
      drained = true;
    });
    await new Promise((done) => setTimeout(done, 100));
    expect(drained).toBe(false);
    const cancelled = await cancel(100);
    await closed;
    expect(cancelled).toEqual([
      expect.objectContaining({ method: 'GET', path: '/hangs', statements: 0, outcome: 'none' }),
    ]);
  });
});
