import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The server as an operator runs it: a process of its own, on an embedded PostgreSQL in DATA_DIR.
const API_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output: () => string;
  /** Its exit code, and when it came (`performance.now()`). */
  exited: Promise<{ code: number | null; at: number }>;
}

/**
 * Starts `src/main.ts` through tsx, or with `built` the build `pnpm start` runs (`dist/main.js`,
 * whose dependencies load from their own dist). DATABASE_URL is blanked: the suite may run against
 * an external server, these processes may not.
 */
export function startServerProcess(env: Record<string, string>, { built = false } = {}): ServerProcess {
  const args = built ? ['dist/main.js'] : ['--conditions=development', '--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: API_DIR,
    env: { ...process.env, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; at: number }>((done) =>
    child.on('exit', (code) => done({ code, at: performance.now() })),
  );
  return { child, output: () => output, exited };
}

/** Resolves with the port once the server logs that it is ready. */
export async function serverReady(server: ServerProcess): Promise<number> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const line = server
      .output()
      .split('\n')
      .find((entry) => entry.includes('SeminarHub API ready'));
    if (line) return JSON.parse(line).port;
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`server not ready in time:\n${server.output()}`);
}
