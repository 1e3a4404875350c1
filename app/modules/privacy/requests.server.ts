import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { dataSubjectRequests, users, type RequestKind, type RequestStatus } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { isoDateTime, localInputToInstant } from "~/utils/dates";
import { toCsv } from "~/utils/csv.server";
import { pageWindow } from "~/utils/paging";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { findUserByEmail } from "~/modules/auth/index.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { daysToDeadline, requestDueAt, type Deadline } from "./deadlines";
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from "./reporting-schemas";

// Data subjects' requests (NDPA ss.34–38), whether made on the site or received by letter, phone
// or email and recorded here: each is answered within 30 days, and a refusal says why.

const OPEN_STATUSES: RequestStatus[] = ["open", "scheduled"];
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const person = alias(users, "person");
const recorder = alias(users, "recorder");
const closer = alias(users, "closer");

function selectRequests() {
  return db
    .select({
      request: dataSubjectRequests,
      personName: person.name,
      personEmail: person.email,
      recordedByName: recorder.name,
      closedByName: closer.name,
    })
    .from(dataSubjectRequests)
    .leftJoin(person, eq(person.id, dataSubjectRequests.userId))
    .leftJoin(recorder, eq(recorder.id, dataSubjectRequests.recordedBy))
    .leftJoin(closer, eq(closer.id, dataSubjectRequests.closedBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRequests>["all"]>>[number];

export type RequestView = Row["request"] & {
  /** Who asked: the name they gave, else their account's name. */
  who: string;
  contact: string;
  personName: string | null;
  recordedByName: string | null;
  closedByName: string | null;
  deadline: Deadline;
};

/** Who asked: the name they gave, else their account's name. */
function whoAsked(requesterName: string, personName: string | null): string {
  return requesterName || personName || "Someone whose account was erased";
}

function view(row: Row, now: number): RequestView {
  const { request } = row;
  return {
    ...request,
    who: whoAsked(request.requesterName, row.personName),
    contact: request.requesterContact || row.personEmail || "",
    personName: row.personName,
    recordedByName: row.recordedByName,
    closedByName: row.closedByName,
    deadline: daysToDeadline(request.dueAt, request.closedAt ?? now),
  };
}

type NewRequest = { kind: RequestKind; requesterName: string; requesterContact: string; details?: string; receivedOn?: string };

/**
 * Records a request received outside the site. The day it arrived starts the 30 days (today when
 * not given); the person's account is linked when the contact given is its email address.
 */
export function recordRequest({ actorId, values }: { actorId: string; values: NewRequest }): Outcome<{ id: string }> {
  const now = clock.now();
  let receivedAt = now;
  if (values.receivedOn) {
    const start = localInputToInstant(`${values.receivedOn}T00:00`, getOrganisation().timeZone);
    if (start === null) return refuse("Enter a real date, like 2026-12-03", { field: "receivedOn" });
    if (start > now) return refuse("The date received cannot be in the future", { field: "receivedOn" });
    // Today's date means now: the full 30 days from the moment it is recorded.
    receivedAt = now - start < DAY ? now : start;
  }
  const contact = values.requesterContact.trim();
  const match = EMAIL_LIKE.test(contact) ? findUserByEmail(contact) : undefined;
  const id = randomId(16);
  db.transaction(
    (tx) => {
      tx.insert(dataSubjectRequests)
        .values({
          id,
          userId: match && match.erasedAt === null ? match.id : null,
          kind: values.kind,
          status: "open",
          requesterName: values.requesterName.trim(),
          requesterContact: contact,
          details: values.details?.trim() ?? "",
          receivedAt,
          dueAt: requestDueAt(receivedAt),
          recordedBy: actorId,
        })
        .run();
      recordAudit(tx, { actorId, action: "privacy_request.recorded", targetType: "privacy_request", targetId: id, details: { kind: values.kind } });
    },
    { behavior: "immediate" },
  );
  return { ok: true, id };
}

/** How many requests the organisers' list shows at a time. */
export const OPEN_REQUESTS_PAGE_SIZE = 25;

export type OpenRequest = { id: string; who: string; kind: RequestKind; status: RequestStatus; receivedAt: number; dueAt: number; deadline: Deadline };

/**
 * Requests still being handled (open, or an erasure waiting out its cooling-off), nearest deadline
 * first, a page at a time; counted and read through the index on status and deadline.
 */
export function openRequests(page = 1): { requests: OpenRequest[]; total: number; page: number; pageCount: number } {
  const now = clock.now();
  const open = inArray(dataSubjectRequests.status, OPEN_STATUSES);
  const total = db.select({ n: sql<number>`count(*)` }).from(dataSubjectRequests).where(open).get()?.n ?? 0;
  const window = pageWindow(page, total, OPEN_REQUESTS_PAGE_SIZE);
  const rows = total
    ? db
        .select({
          id: dataSubjectRequests.id,
          kind: dataSubjectRequests.kind,
          status: dataSubjectRequests.status,
          requesterName: dataSubjectRequests.requesterName,
          receivedAt: dataSubjectRequests.receivedAt,
          dueAt: dataSubjectRequests.dueAt,
          personName: person.name,
        })
        .from(dataSubjectRequests)
        .leftJoin(person, eq(person.id, dataSubjectRequests.userId))
        .where(open)
        .orderBy(asc(dataSubjectRequests.dueAt), asc(dataSubjectRequests.id))
        .limit(window.limit)
        .offset(window.offset)
        .all()
    : [];
  const requests = rows.map(({ requesterName, personName, ...row }) => ({
    ...row,
    who: whoAsked(requesterName, personName),
    deadline: daysToDeadline(row.dueAt, now),
  }));
  return { requests, total, page: window.page, pageCount: window.pageCount };
}

export function requestDetail(id: string): RequestView | null {
  const row = selectRequests().where(eq(dataSubjectRequests.id, id)).get();
  return row ? view(row, clock.now()) : null;
}

type Change = { actorId: string; id: string };

/** Loads an open request for a change, or says why it cannot change. */
function openRequestFor(id: string): Outcome<{ request: typeof dataSubjectRequests.$inferSelect }> {
  const request = db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id)).get();
  if (!request) return refuse("There is no request with that id.", { status: 404, code: "not-found" });
  if (request.status === "scheduled") {
    return refuse("This erasure is scheduled and completes itself when the cooling-off period ends. To stop it, cancel it on the person's erasure page.", {
      status: 409,
      code: "scheduled",
    });
  }
  if (request.status !== "open") return refuse(`This request is already ${REQUEST_STATUS_LABELS[request.status].toLowerCase()}.`, { status: 409, code: "closed" });
  return { ok: true, request };
}

/** Keeps notes of what has been done so far; they become the starting point of the outcome. */
export function saveRequestNotes({ actorId, id, notes }: Change & { notes: string }): Outcome {
  const found = openRequestFor(id);
  if (!found.ok) return found;
  db.transaction((tx) => {
    tx.update(dataSubjectRequests).set({ outcome: notes.trim() }).where(and(eq(dataSubjectRequests.id, id), eq(dataSubjectRequests.status, "open"))).run();
    recordAudit(tx, { actorId, action: "privacy_request.noted", targetType: "privacy_request", targetId: id });
  });
  return { ok: true };
}

function close({ actorId, id, status, text }: Change & { status: "completed" | "refused"; text: string }): Outcome {
  const found = openRequestFor(id);
  if (!found.ok) return found;
  const now = clock.now();
  const late = now > found.request.dueAt;
  db.transaction((tx) => {
    tx.update(dataSubjectRequests)
      .set({ status, outcome: text.trim(), closedAt: now, closedBy: actorId })
      .where(and(eq(dataSubjectRequests.id, id), eq(dataSubjectRequests.status, "open")))
      .run();
    recordAudit(tx, { actorId, action: `privacy_request.${status}`, targetType: "privacy_request", targetId: id, details: { kind: found.request.kind, late } });
  });
  return { ok: true };
}

/** Closes a request as done, saying what was done. */
export function completeRequest({ actorId, id, outcome }: Change & { outcome: string }): Outcome {
  if (!outcome.trim()) return refuse("Say what was done for the person", { field: "outcome" });
  return close({ actorId, id, status: "completed", text: outcome });
}

/** Refuses a request: the Act lets a controller refuse only with a reason given to the person. */
export function refuseRequest({ actorId, id, reason }: Change & { reason: string }): Outcome {
  if (!reason.trim()) return refuse("Give the reason for refusing: the person must be told why", { field: "reason" });
  return close({ actorId, id, status: "refused", text: reason });
}

/** Every request, newest first, as a spreadsheet (audited: it names the people who asked). */
export function requestsCsv(actorId: string): { csv: string; fileName: string } {
  const { timeZone } = getOrganisation();
  const now = clock.now();
  const rows = selectRequests().orderBy(desc(dataSubjectRequests.receivedAt), asc(dataSubjectRequests.id)).all().map((row) => view(row, now));
  const when = (instant: number | null) => (instant === null ? "" : isoDateTime(instant, timeZone));
  const header = ["Received", "Kind", "Who asked", "Contact", "Details", "Due", "Status", "Closed", "Outcome or reason", "Answered late"];
  const lines = rows.map((row) => [
    when(row.receivedAt),
    REQUEST_KIND_LABELS[row.kind],
    row.who,
    row.contact,
    row.details,
    when(row.dueAt),
    REQUEST_STATUS_LABELS[row.status],
    when(row.closedAt),
    row.outcome,
    row.closedAt === null ? (row.deadline.overdue ? "Overdue" : "") : row.closedAt > row.dueAt ? "Yes" : "No",
  ]);
  recordAudit(db, { actorId, action: "privacy_requests.exported", targetType: "privacy_request", details: { rows: rows.length } });
  return { csv: toCsv([header, ...lines]), fileName: "data-subject-requests.csv" };
}
