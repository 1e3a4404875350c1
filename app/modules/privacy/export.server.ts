import { and, desc, eq, gt, lte, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { dataExports, dataSubjectRequests } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { formatDateTime, isoDateTime } from "~/utils/dates";
import { hashToken, randomId } from "~/utils/ids.server";
import { absoluteUrl } from "~/utils/urls.server";
import { peopleByIds, personalDataInAuth } from "~/modules/auth/index.server";
import { personalDataInCohorts } from "~/modules/cohorts/index.server";
import { personalDataInEvents } from "~/modules/events/index.server";
import { personalDataInJourney } from "~/modules/journey/index.server";
import { personalDataInMentoring } from "~/modules/mentoring/index.server";
import { getOrganisation, personalDataInOrganisation } from "~/modules/organisation/index.server";
import { enqueueMessage, personalDataInOutbox, scheduleJob } from "~/modules/outbox/index.server";
import { personalDataInSponsorship } from "~/modules/sponsorship/index.server";
import type { DataSubject, PersonalDataSection } from "~/utils/personal-data";
import { requestDueAt } from "./deadlines";
import { buildArchive } from "./export-archive.server";
import { personalDataInPrivacy } from "./personal-data.server";

// "Download my data" (NDPA s.34 access, s.38 portability): asked for on the person's page, built
// in the background, fetched through an emailed link that works for the signed-in owner only and
// for a week.

export const BUILD_EXPORT_JOB = "privacy.build-export";
export const DROP_EXPORT_JOB = "privacy.drop-export";
export const EXPORT_LINK_DAYS = 7;

/** Each area's account of the person, in the order the summary shows them. */
export function personalDataOf(subject: DataSubject): PersonalDataSection[] {
  return [
    personalDataInAuth(subject),
    personalDataInEvents(subject),
    personalDataInCohorts(subject),
    personalDataInMentoring(subject),
    personalDataInJourney(subject),
    personalDataInSponsorship(subject),
    personalDataInOutbox(subject),
    personalDataInPrivacy(subject),
    personalDataInOrganisation(subject),
  ];
}

export type DataExportState =
  | { status: "none" }
  | { status: "building"; requestedAt: number }
  | { status: "ready"; readyAt: number; expiresAt: number; downloadedAt: number | null }
  | { status: "expired"; expiresAt: number };

function latestExport(userId: string) {
  return db.select().from(dataExports).where(eq(dataExports.userId, userId)).orderBy(desc(dataExports.requestedAt)).limit(1).get();
}

function stateOf(row: typeof dataExports.$inferSelect | undefined, now: number): DataExportState {
  if (!row) return { status: "none" };
  if (row.status === "building") return { status: "building", requestedAt: row.requestedAt };
  if (row.expiresAt <= now || row.zip === null) return { status: "expired", expiresAt: row.expiresAt };
  return { status: "ready", readyAt: row.readyAt ?? row.requestedAt, expiresAt: row.expiresAt, downloadedAt: row.downloadedAt };
}

/** Where the person's latest download stands. */
export function dataExportState(userId: string): DataExportState {
  return stateOf(latestExport(userId), clock.now());
}

/**
 * Asks for a new download: recorded as an access request and built by a job. While one is being
 * built, asking again changes nothing; a newer download replaces a ready one, whose link stops working.
 */
export function requestDataExport(userId: string): DataExportState {
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const building = tx
        .select()
        .from(dataExports)
        .where(and(eq(dataExports.userId, userId), eq(dataExports.status, "building")))
        .get();
      if (building) return stateOf(building, now);
      tx.update(dataExports)
        .set({ zip: null, expiresAt: now })
        .where(and(eq(dataExports.userId, userId), gt(dataExports.expiresAt, now)))
        .run();
      const exportId = randomId(16);
      // The link's token is made when the download is ready; until then nobody holds a key to it.
      tx.insert(dataExports)
        .values({ id: exportId, userId, tokenHash: hashToken(randomId(20)), status: "building", requestedAt: now, expiresAt: now + EXPORT_LINK_DAYS * DAY })
        .run();
      const requestId = randomId(16);
      tx.insert(dataSubjectRequests)
        .values({ id: requestId, userId, kind: "access", status: "open", details: "A download of their data, asked for on their page.", receivedAt: now, dueAt: requestDueAt(now) })
        .run();
      scheduleJob(tx, { kind: BUILD_EXPORT_JOB, runAt: now, payload: { exportId, requestId }, uniqueKey: `data-export:${exportId}` });
      return { status: "building" as const, requestedAt: now };
    },
    { behavior: "immediate" },
  );
}

/**
 * The job: gathers every area's data about the person, stores the ZIP, completes the access
 * request and emails the link, all at the one instant the worker ran it.
 */
export function buildDataExport(exportId: string, requestId: string, now: number): void {
  const row = db.select({ userId: dataExports.userId, status: dataExports.status }).from(dataExports).where(eq(dataExports.id, exportId)).get();
  if (!row || row.status !== "building") return;
  const person = peopleByIds([row.userId]).get(row.userId);
  if (!person) return;
  const organisation = getOrganisation();
  const subject: DataSubject = { userId: row.userId, email: person.email, timeZone: organisation.timeZone };
  const zip = buildArchive(
    { personName: person.name, email: person.email, organisationName: organisation.name, generatedAt: isoDateTime(now, organisation.timeZone) },
    personalDataOf(subject),
  );
  const token = randomId(20);
  const expiresAt = now + EXPORT_LINK_DAYS * DAY;
  db.transaction(
    (tx) => {
      const updated = tx
        .update(dataExports)
        .set({ status: "ready", zip: Buffer.from(zip), tokenHash: hashToken(token), readyAt: now, expiresAt })
        .where(and(eq(dataExports.id, exportId), eq(dataExports.status, "building")))
        .run();
      if (!updated.changes) return;
      tx.update(dataSubjectRequests)
        .set({ status: "completed", closedAt: now, outcome: "The download was built and its link emailed to the person." })
        .where(and(eq(dataSubjectRequests.id, requestId), eq(dataSubjectRequests.status, "open")))
        .run();
      scheduleJob(tx, { kind: DROP_EXPORT_JOB, runAt: expiresAt, payload: { exportId }, uniqueKey: `data-export-drop:${exportId}` });
      enqueueMessage(tx, person.email, "data-export-ready", {
        name: person.name,
        url: absoluteUrl(`/me/privacy/download/${token}`),
        expiresOn: formatDateTime(expiresAt, organisation.timeZone),
      });
    },
    { behavior: "immediate" },
  );
}

/** The job at a link's expiry: the ZIP goes, the record that there was one stays. */
export function dropExpiredExport(exportId: string, now: number): void {
  db.update(dataExports)
    .set({ zip: null })
    .where(and(eq(dataExports.id, exportId), lte(dataExports.expiresAt, now)))
    .run();
}

export type DataExportLink =
  | { status: "unknown" }
  | { status: "expired" }
  | { status: "ready"; bytes: number; expiresAt: number };

function exportForLink(userId: string, token: string) {
  if (!token) return undefined;
  const row = db
    .select({ id: dataExports.id, userId: dataExports.userId, status: dataExports.status, expiresAt: dataExports.expiresAt, bytes: sql<number | null>`length(${dataExports.zip})` })
    .from(dataExports)
    .where(eq(dataExports.tokenHash, hashToken(token)))
    .get();
  // Someone else's link answers as if it did not exist.
  return row && row.userId === userId && row.status === "ready" ? row : undefined;
}

/** What an emailed link leads to, for its owner; anyone else learns nothing. */
export function dataExportLink(userId: string, token: string): DataExportLink {
  const row = exportForLink(userId, token);
  if (!row) return { status: "unknown" };
  if (row.expiresAt <= clock.now() || row.bytes === null) return { status: "expired" };
  return { status: "ready", bytes: row.bytes, expiresAt: row.expiresAt };
}

export type DataExportFile = { status: "unknown" } | { status: "expired" } | { status: "ready"; zip: Buffer; fileName: string };

/** The ZIP behind a working link, noting when it was fetched; anyone but its owner learns nothing. */
export function downloadDataExport(userId: string, token: string): DataExportFile {
  const now = clock.now();
  const row = exportForLink(userId, token);
  if (!row) return { status: "unknown" };
  if (row.expiresAt <= now || row.bytes === null) return { status: "expired" };
  const stored = db.update(dataExports).set({ downloadedAt: now }).where(eq(dataExports.id, row.id)).returning({ zip: dataExports.zip }).get();
  if (!stored?.zip) return { status: "expired" };
  const day = isoDateTime(now, getOrganisation().timeZone).slice(0, 10);
  return { status: "ready", zip: stored.zip, fileName: `my-data-${day}.zip` };
}
