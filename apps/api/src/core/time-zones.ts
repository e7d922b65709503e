import type { PrismaClient } from '@seminarhub/db';

/**
 * The time zones a seminar may use are those both sides know: Node's (Intl, which shows times)
 * and PostgreSQL's (`AT TIME ZONE`, which places sessions on days). Their databases differ: ICU in
 * Node still knows `US/Pacific-New`, which tzdata dropped in 2020, and PostgreSQL 15 and 18 ship
 * different lists. A zone only Node knows would be stored, then fail every statement that uses it.
 */
export interface TimeZones {
  /** True when both Node and this database know the zone, spelled exactly so. */
  has(zone: string): boolean;
  /** The database's spelling of a zone given in another case ("asia/seoul" → "Asia/Seoul"). */
  spelling(zone: string): string | undefined;
}

/** One list per database (per Prisma client), loaded at first use and kept: it changes only with the server. */
const loaded = new WeakMap<PrismaClient, Promise<TimeZones>>();

export function timeZonesOf(prisma: PrismaClient): Promise<TimeZones> {
  let zones = loaded.get(prisma);
  if (!zones) {
    zones = load(prisma);
    // A failed load (the database away) is not kept: the next request tries again.
    zones.catch(() => loaded.delete(prisma));
    loaded.set(prisma, zones);
  }
  return zones;
}

async function load(prisma: PrismaClient): Promise<TimeZones> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM pg_timezone_names`;
  const names = new Set<string>();
  const byLowerCase = new Map<string, string>();
  for (const { name } of rows) {
    // IANA names only ("Asia/Seoul", "UTC"): not "posixrules", "localtime" or the posix/ and right/ copies.
    if ((!name.includes('/') && name !== 'UTC') || /^(posix|right)\//.test(name) || !knownToNode(name)) continue;
    names.add(name);
    byLowerCase.set(name.toLowerCase(), name);
  }
  return { has: (zone) => names.has(zone), spelling: (zone) => byLowerCase.get(zone.toLowerCase()) };
}

/** Whether Node's Intl accepts the zone, aliases ("US/Pacific-New") included. */
export function knownToNode(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
