import type { PrismaClient } from '@seminarhub/db';
import DataLoader from 'dataloader';
import type { Context } from '../../core/context.ts';

/** The object an event is about, as the trail stores it. */
export interface AuditSubject {
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

type Named = { givenName: string; familyName: string };
const fullName = (person: Named) => `${person.givenName} ${person.familyName}`;

/**
 * How each kind of object is named, read from its current row, for ids of that type. Feedback is named by
 * what it is about, never by who gave it: anonymous feedback stays anonymous in the trail too.
 */
const NAMERS: Record<string, (prisma: PrismaClient, ids: string[]) => Promise<{ id: string; title: string }[]>> = {
  Seminar: async (prisma, ids) =>
    await prisma.seminar.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
  Session: async (prisma, ids) =>
    await prisma.session.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
  Program: async (prisma, ids) =>
    await prisma.program.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
  Proposal: async (prisma, ids) =>
    await prisma.proposal.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
  Milestone: async (prisma, ids) =>
    await prisma.milestone.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
  Organization: async (prisma, ids) =>
    (await prisma.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(named),
  Place: async (prisma, ids) =>
    (await prisma.place.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(named),
  ReviewCriterion: async (prisma, ids) =>
    (await prisma.reviewCriterion.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
      named,
    ),
  ApiKey: async (prisma, ids) =>
    (await prisma.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(named),
  User: async (prisma, ids) =>
    (await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((row) => ({
      id: row.id,
      title: row.email,
    })),
  Person: async (prisma, ids) =>
    (
      await prisma.person.findMany({
        where: { id: { in: ids } },
        select: { id: true, givenName: true, familyName: true },
      })
    ).map((row) => ({ id: row.id, title: fullName(row) })),
  Enrollment: async (prisma, ids) =>
    (
      await prisma.enrollment.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          person: { select: { givenName: true, familyName: true } },
          seminar: { select: { title: true } },
        },
      })
    ).map((row) => ({ id: row.id, title: `${fullName(row.person)} in ${row.seminar.title}` })),
  Attendance: async (prisma, ids) =>
    (
      await prisma.attendance.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          session: { select: { title: true } },
          enrollment: { select: { person: { select: { givenName: true, familyName: true } } } },
        },
      })
    ).map((row) => ({ id: row.id, title: `${fullName(row.enrollment.person)} at ${row.session.title}` })),
  Feedback: async (prisma, ids) =>
    (
      await prisma.feedback.findMany({
        where: { id: { in: ids } },
        select: { id: true, session: { select: { title: true } }, seminar: { select: { title: true } } },
      })
    ).map((row) => ({ id: row.id, title: `Feedback on ${row.session?.title ?? row.seminar.title}` })),
  Review: async (prisma, ids) =>
    (
      await prisma.review.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          proposal: { select: { title: true } },
          reviewer: { select: { givenName: true, familyName: true } },
        },
      })
    ).map((row) => ({ id: row.id, title: `${fullName(row.reviewer)}'s review of ${row.proposal.title}` })),
  ProgressReport: async (prisma, ids) =>
    (
      await prisma.progressReport.findMany({
        where: { id: { in: ids } },
        select: { id: true, monthsAfter: true, proposal: { select: { title: true } } },
      })
    ).map((row) => ({ id: row.id, title: `${row.monthsAfter}-month report on ${row.proposal.title}` })),
};

function named(row: { id: string; name: string }) {
  return { id: row.id, title: row.name };
}

/** A name found in the fields the event recorded: what a deleted object was called. */
export function recordedTitle(fields: unknown): string | null {
  if (!fields || typeof fields !== 'object') return null;
  const row = fields as Record<string, unknown>;
  for (const key of ['title', 'name', 'email']) if (typeof row[key] === 'string') return row[key] as string;
  if (typeof row.givenName === 'string' && typeof row.familyName === 'string') {
    return fullName(row as unknown as Named);
  }
  return null;
}

const LOADER = 'AuditEvent.entityTitle';

/**
 * What the event's object is called: as it is now when it still exists, else as the event recorded it.
 * One statement per kind of object in the page, whatever the number of events.
 */
export function entityTitle(ctx: Context, event: AuditSubject): Promise<string | null> {
  let loader = ctx.batches.get(LOADER) as DataLoader<string, string | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, string | null>(async (keys) => {
      const byType = new Map<string, string[]>();
      for (const key of keys) {
        const [type, id] = key.split(':') as [string, string];
        if (NAMERS[type]) byType.set(type, [...(byType.get(type) ?? []), id]);
      }
      const titles = new Map<string, string>();
      await Promise.all(
        [...byType].map(async ([type, ids]) => {
          for (const row of await NAMERS[type]!(ctx.prisma, ids)) titles.set(`${type}:${row.id}`, row.title);
        }),
      );
      return keys.map((key) => titles.get(key) ?? null);
    });
    ctx.batches.set(LOADER, loader);
  }
  return loader
    .load(`${event.entityType}:${event.entityId}`)
    .then((title) => title ?? recordedTitle(event.before) ?? recordedTitle(event.after));
}
