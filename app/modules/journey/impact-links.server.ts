import { and, desc, eq, isNull, like, not } from "drizzle-orm";
import { db } from "~db/client.server";
import { impactReportLinks, type ImpactReportKind } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { recordAudit } from "~/modules/organisation/index.server";
import { impactReport, parseReportYear } from "./impact-reports.server";

// Shareable links to one report (only the token's hash is kept; revocable), and the annual page's
// publish switch, kept in the same table as a row of kind "year" whose hash is a fixed marker.

const PUBLISHED_MARKER = "published:";

export type ShareLink = { id: string; createdAt: number; revokedAt: number | null };

/** Makes a new link to a report; the token is shown once, to the organiser who made it. Audited. */
export function createShareLink(actorId: string, kind: ImpactReportKind, subject: string): Outcome<{ token: string }> {
  if (!impactReport(kind, subject)) return refuse("There is no such report.", { status: 404 });
  const token = randomId(24);
  db.transaction((tx) => {
    const id = randomId(12);
    tx.insert(impactReportLinks).values({ id, kind, subject, tokenHash: hashToken(token), createdBy: actorId, createdAt: clock.now() }).run();
    recordAudit(tx, { actorId, action: "impact.link_created", targetType: "impact_report", targetId: `${kind}:${subject}`, details: { linkId: id } });
  });
  return { ok: true, token };
}

/** A report's share links, newest first (the publish marker is not one). */
export function shareLinksOf(kind: ImpactReportKind, subject: string): ShareLink[] {
  return db
    .select({ id: impactReportLinks.id, createdAt: impactReportLinks.createdAt, revokedAt: impactReportLinks.revokedAt })
    .from(impactReportLinks)
    .where(and(eq(impactReportLinks.kind, kind), eq(impactReportLinks.subject, subject), not(like(impactReportLinks.tokenHash, `${PUBLISHED_MARKER}%`))))
    .orderBy(desc(impactReportLinks.createdAt))
    .all();
}

/** Stops a link from opening the report, for good. Audited. */
export function revokeShareLink(actorId: string, kind: ImpactReportKind, subject: string, linkId: string): Outcome {
  return db.transaction((tx) => {
    const revoked = tx
      .update(impactReportLinks)
      .set({ revokedAt: clock.now() })
      .where(and(eq(impactReportLinks.id, linkId), eq(impactReportLinks.kind, kind), eq(impactReportLinks.subject, subject), isNull(impactReportLinks.revokedAt)))
      .returning({ id: impactReportLinks.id })
      .all();
    if (revoked.length === 0) return refuse("That link was already turned off.", { status: 404 });
    recordAudit(tx, { actorId, action: "impact.link_revoked", targetType: "impact_report", targetId: `${kind}:${subject}`, details: { linkId } });
    return { ok: true as const };
  });
}

/** The report a live link opens, or null (unknown, revoked, or the report is gone). */
export function reportByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(token)) return null;
  const link = db
    .select({ kind: impactReportLinks.kind, subject: impactReportLinks.subject })
    .from(impactReportLinks)
    .where(and(eq(impactReportLinks.tokenHash, hashToken(token)), isNull(impactReportLinks.revokedAt)))
    .get();
  return link ? impactReport(link.kind, link.subject) : null;
}

export function isYearPublished(year: number): boolean {
  return !!db
    .select({ id: impactReportLinks.id })
    .from(impactReportLinks)
    .where(and(eq(impactReportLinks.tokenHash, `${PUBLISHED_MARKER}${year}`), isNull(impactReportLinks.revokedAt)))
    .get();
}

/** Publishes or withdraws the public annual page /impact/:year. Audited. */
export function setYearPublished(actorId: string, yearText: string, published: boolean): Outcome {
  const year = parseReportYear(yearText);
  if (year === null || !impactReport("year", String(year))) return refuse("There is no report for that year yet.", { status: 404 });
  const now = clock.now();
  const marker = `${PUBLISHED_MARKER}${year}`;
  db.transaction(
    (tx) => {
      tx.insert(impactReportLinks)
        .values({ id: randomId(12), kind: "year", subject: String(year), tokenHash: marker, createdBy: actorId, createdAt: now, revokedAt: published ? null : now })
        .onConflictDoUpdate({ target: impactReportLinks.tokenHash, set: { revokedAt: published ? null : now } })
        .run();
      recordAudit(tx, { actorId, action: published ? "impact.year_published" : "impact.year_withdrawn", targetType: "impact_report", targetId: `year:${year}` });
    },
    { behavior: "immediate" },
  );
  return { ok: true };
}

/** The annual report for the public page, only while it is published. */
export function publishedYearReport(yearText: string) {
  const year = parseReportYear(yearText);
  if (year === null || !isYearPublished(year)) return null;
  return impactReport("year", String(year));
}
