import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

/** One client connection and its connection to the target, forwarded both ways. */
interface Link {
  client: Socket;
  upstream: Socket;
  /** Its bytes are read and thrown away, in both directions, for good: the far side is gone. */
  blackholed: boolean;
}

/**
 * A loopback TCP proxy in front of PostgreSQL that misbehaves on cue, as networks and failovers do:
 *
 * - `pass()`: forwards both ways (again), and accepts new connections;
 * - `refuse()`: stops listening, so new connections are refused (ECONNREFUSED) as by a server that
 *   is down; existing ones keep going unless dropped too;
 * - `stall()`: stops forwarding both ways, on every connection and on new ones, until `pass()`: bytes
 *   wait, as behind a network that lost its route for a while;
 * - `dropAll()`: resets every connection (ECONNRESET), as a restarted server does;
 * - `blackholeExisting()`: the connections open now never answer again, while new ones pass: a
 *   failover, where the old primary is gone without a word and the new one accepts.
 */
export class TcpFaultProxy {
  readonly #links = new Set<Link>();
  /** The listener; none while refusing. */
  #server: Server | undefined;
  #stalled = false;
  #port = 0;
  /** Connections accepted so far, to count what a client opened. */
  accepted = 0;

  private constructor(
    readonly targetHost: string,
    readonly targetPort: number,
  ) {}

  /** A proxy on a free port of 127.0.0.1 to `target` (host and port of a postgres:// URL). */
  static async start(targetUrl: string): Promise<TcpFaultProxy> {
    const target = new URL(targetUrl);
    const proxy = new TcpFaultProxy(target.hostname, Number(target.port || 5432));
    await proxy.#listen(0);
    return proxy;
  }

  get port(): number {
    return this.#port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  route(url: string): string {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(this.#port);
    return routed.href;
  }

  /** Connections open now and not blackholed. */
  get openConnections(): number {
    return [...this.#links].filter((link) => !link.blackholed).length;
  }

  async pass(): Promise<void> {
    this.#stalled = false;
    for (const link of this.#links) if (!link.blackholed) this.#flow(link, true);
    if (!this.#server) await this.#listen(this.#port);
  }

  /** Stops listening at once; its callback would wait for the open connections, so it is not awaited. */
  refuse(): void {
    this.#server?.close();
    this.#server = undefined;
  }

  stall(): void {
    this.#stalled = true;
    for (const link of this.#links) this.#flow(link, false);
  }

  dropAll(): void {
    for (const link of this.#links) this.#end(link, true);
  }

  blackholeExisting(): void {
    for (const link of this.#links) {
      link.blackholed = true;
      // The far side is gone: its server ends its sessions, and nothing reaches the client again.
      link.upstream.destroy();
      link.client.removeAllListeners('data');
      link.client.on('data', () => {});
      link.client.resume();
    }
    this.#stalled = false;
  }

  close(): void {
    for (const link of this.#links) this.#end(link, false);
    this.refuse();
  }

  async #listen(port: number): Promise<void> {
    const server = createServer((client) => this.#accept(client));
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
  }

  #accept(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    const link: Link = { client, upstream, blackholed: false };
    this.accepted++;
    this.#links.add(link);
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (!link.blackholed) client.write(chunk);
    });
    // A failure on one side ends the other, as a real connection's would; the test sees it as the
    // client sees it, never as an unhandled error.
    client.on('error', () => {});
    upstream.on('error', () => {});
    client.on('close', () => this.#end(link, false));
    upstream.on('close', () => {
      if (!link.blackholed) this.#end(link, false);
    });
    if (this.#stalled) this.#flow(link, false);
  }

  #flow(link: Link, on: boolean): void {
    for (const socket of [link.client, link.upstream]) {
      if (on) socket.resume();
      else socket.pause();
    }
  }

  #end(link: Link, reset: boolean): void {
    this.#links.delete(link);
    if (reset) {
      link.client.resetAndDestroy();
      link.upstream.resetAndDestroy();
    } else {
      link.client.destroy();
      link.upstream.destroy();
    }
  }
}
