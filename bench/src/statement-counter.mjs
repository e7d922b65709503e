// Counts the SQL statements a server sends, by standing between it and PostgreSQL and reading the
// frontend side of the wire protocol: each Execute ('E', extended protocol) and each simple Query
// ('Q') is one statement, BEGIN and COMMIT included. The system PostgreSQL here does not preload
// pg_stat_statements, and pg_stat_database counts transactions, not statements. The proxy is used
// only in the untimed checking phase: the timed runs talk to PostgreSQL directly.
import { connect, createServer } from 'node:net';

export async function startStatementCounter(target) {
  let statements = 0;
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let buffer = Buffer.alloc(0);
    let startup = true;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (startup) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          // 196608 is protocol 3.0: the startup message proper; SSL or GSS requests come before it.
          if (buffer.readInt32BE(4) === 196608) startup = false;
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) break;
        const type = buffer[0];
        if (type === 0x45 || type === 0x51) statements += 1;
        buffer = buffer.subarray(length + 1);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    count: () => statements,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
