import { asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { breaches, users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { isoDateTime, localInputToInstant } from "~/utils/dates";
import { toCsv } from "~/utils/csv.server";
import { pageWindow } from "~/utils/paging";
import { runningTotals } from "~/utils/running-totals.server";
import { randomId } from "~/utils/ids.server";
import { refuse, refuseFields, type FieldErrors, type Outcome } from "~/utils/refusal";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { breachNotifyBy, hoursToDeadline, type Deadline } from "./deadlines";

// The breach log (NDPA s.40): what happened, when it was found, who is affected, and whether the
// Commission was told within 72 hours of finding it, and the people affected where it puts them at risk.

const recorder = alias(users, "recorder");

type Breach = typeof breaches.$inferSelect;

export type BreachView = Breach & {
  recordedByName: string | null;
  /** Hours to tell the Commission, counted until it was told. */
  deadline: Deadline;
  /** Told after the 72 hours, or still not told once they passed. */
  late: boolean;
};

function view(row: { breach: Breach; recordedByName: string | null }, now: number): BreachView {
  const { breach } = row;
  const deadline = hoursToDeadline(breach.notifyBy, breach.regulatorNotifiedAt ?? now);
  return { ...breach, recordedByName: row.recordedByName, deadline, late: deadline.overdue };
}

function selectBreaches() {
  return db.select({ breach: breaches, recordedByName: recorder.name }).from(breaches).leftJoin(recorder, eq(recorder.id, breaches.recordedBy));
}

/** A local date and time typed by an organiser, or now when left empty; never in the future. */
function typedInstant(value: string | undefined, now: number, timeZone: string, field: string, errors: FieldErrors): number | null {
  if (!value) return null;
  const instant = localInputToInstant(value, timeZone);
  if (instant === null) errors[field] = ["Enter a real date and time, like 2026-12-03T14:30"];
  else if (instant > now) errors[field] = ["This cannot be in the future"];
  return instant;
}

type NewBreach = { summary: string; foundAt?: string; occurredAt?: string; affected?: string; affectedCount?: number; actions?: string };

/** Logs a breach; the 72 hours to tell the Commission run from when it was found. */
export function recordBreach({ actorId, values }: { actorId: string; values: NewBreach }): Outcome<{ id: string; notifyBy: number }> {
  const now = clock.now();
  const { timeZone } = getOrganisation();
  const errors: FieldErrors = {};
  const foundAt = typedInstant(values.foundAt, now, timeZone, "foundAt", errors) ?? now;
  const occurredAt = typedInstant(values.occurredAt, now, timeZone, "occurredAt", errors);
  if (!errors.occurredAt && occurredAt !== null && occurredAt > foundAt) errors.occurredAt = ["It cannot have happened after it was found"];
  if (Object.keys(errors).length) return refuseFields(errors);
  const id = randomId(16);
  const notifyBy = breachNotifyBy(foundAt);
  db.transaction(
    (tx) => {
      tx.insert(breaches)
        .values({
          id,
          summary: values.summary.trim(),
          foundAt,
          occurredAt,
          affected: values.affected?.trim() ?? "",
          affectedCount: values.affectedCount ?? null,
          notifyBy,
          actions: values.actions?.trim() ?? "",
          recordedBy: actorId,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      recordAudit(tx, { actorId, action: "breach.recorded", targetType: "breach", targetId: id, details: { affectedCount: values.affectedCount ?? null } });
    },
    { behavior: "immediate" },
  );
  return { ok: true, id, notifyBy };
}

/** The whole log, for the spreadsheet the Commission may ask for: open breaches first, the nearest deadline at the top; then closed ones, latest found first. */
export function breachLog(): BreachView[] {
  const now = clock.now();
  return selectBreaches()
    .orderBy(sql`${breaches.closedAt} is not null`, asc(sql`case when ${breaches.closedAt} is null then ${breaches.notifyBy} end`), desc(breaches.foundAt), asc(breaches.id))
    .all()
    .map((row) => view(row, now));
}

/** How many breaches the log on screen shows at a time (the spreadsheet holds them all). */
export const BREACH_LOG_PAGE_SIZE = 25;

export type BreachLine = { id: string; summary: string; foundAt: number; notifyBy: number; regulatorNotified: boolean; closed: boolean; deadline: Deadline };

const lineColumns = {
  id: breaches.id,
  summary: breaches.summary,
  foundAt: breaches.foundAt,
  notifyBy: breaches.notifyBy,
  regulatorNotifiedAt: breaches.regulatorNotifiedAt,
  closedAt: breaches.closedAt,
};

/**
 * One page of the breach log on screen, in `breachLog`'s order: the open breaches (nearest deadline
 * first), then the closed ones (latest found first), each part read a page's worth through its own
 * order so no page sorts the whole log. The count of every breach is the running total.
 */
export function breachLogPage(page: number): { breaches: BreachLine[]; total: number; page: number; pageCount: number } {
  const now = clock.now();
  const total = runningTotals(["rows:breaches"])["rows:breaches"];
  const window = pageWindow(page, total, BREACH_LOG_PAGE_SIZE);
  const openCount = db.select({ n: sql<number>`count(*)` }).from(breaches).where(isNull(breaches.closedAt)).get()?.n ?? 0;
  const open =
    window.offset < openCount
      ? db
          .select(lineColumns)
          .from(breaches)
          .where(isNull(breaches.closedAt))
          .orderBy(asc(breaches.notifyBy), desc(breaches.foundAt), asc(breaches.id))
          .limit(window.limit)
          .offset(window.offset)
          .all()
      : [];
  const closed =
    open.length < window.limit
      ? db
          .select(lineColumns)
          .from(breaches)
          .where(isNotNull(breaches.closedAt))
          .orderBy(desc(breaches.foundAt), asc(breaches.id))
          .limit(window.limit - open.length)
          .offset(Math.max(0, window.offset - openCount))
          .all()
      : [];
  const lines = [...open, ...closed].map(({ regulatorNotifiedAt, closedAt, ...row }) => ({
    ...row,
    regulatorNotified: regulatorNotifiedAt !== null,
    closed: closedAt !== null,
    deadline: hoursToDeadline(row.notifyBy, regulatorNotifiedAt ?? now),
  }));
  return { breaches: lines, total, page: window.page, pageCount: window.pageCount };
}

export function breachDetail(id: string): BreachView | null {
  const row = selectBreaches().where(eq(breaches.id, id)).get();
  return row ? view(row, clock.now()) : null;
}

function openBreach(id: string): Outcome<{ breach: Breach }> {
  const breach = db.select().from(breaches).where(eq(breaches.id, id)).get();
  if (!breach) return refuse("There is no breach with that id.", { status: 404, code: "not-found" });
  if (breach.closedAt !== null) return refuse("This breach is closed, so its record stays as it was.", { status: 409, code: "closed" });
  return { ok: true, breach };
}

type Change = { actorId: string; id: string };

/** Records when the Commission or the people affected were told (now, unless a time is typed). */
export function markBreachNotified({ actorId, id, who, at }: Change & { who: "regulator" | "people"; at?: string }): Outcome<{ late: boolean }> {
  const found = openBreach(id);
  if (!found.ok) return found;
  const now = clock.now();
  const errors: FieldErrors = {};
  const instant = typedInstant(at, now, getOrganisation().timeZone, "at", errors) ?? now;
  if (!errors.at && instant < found.breach.foundAt) errors.at = ["This is before the breach was found: check the date and time"];
  if (errors.at) return refuseFields(errors);
  const late = who === "regulator" && instant > found.breach.notifyBy;
  db.transaction((tx) => {
    tx.update(breaches)
      .set(who === "regulator" ? { regulatorNotifiedAt: instant, updatedAt: now } : { peopleNotifiedAt: instant, updatedAt: now })
      .where(eq(breaches.id, id))
      .run();
    recordAudit(tx, { actorId, action: who === "regulator" ? "breach.regulator_notified" : "breach.people_notified", targetType: "breach", targetId: id, details: who === "regulator" ? { late } : {} });
  });
  return { ok: true, late };
}

/** Updates who is affected and what has been done. */
export function updateBreachActions({ actorId, id, affected, actions }: Change & { affected?: string; actions?: string }): Outcome {
  const found = openBreach(id);
  if (!found.ok) return found;
  db.transaction((tx) => {
    tx.update(breaches)
      .set({ affected: affected?.trim() ?? "", actions: actions?.trim() ?? "", updatedAt: clock.now() })
      .where(eq(breaches.id, id))
      .run();
    recordAudit(tx, { actorId, action: "breach.updated", targetType: "breach", targetId: id });
  });
  return { ok: true };
}

/** Closes a breach once it has been dealt with; its record then stays as it is. */
export function closeBreach({ actorId, id }: Change): Outcome {
  const found = openBreach(id);
  if (!found.ok) return found;
  const now = clock.now();
  db.transaction((tx) => {
    tx.update(breaches).set({ closedAt: now, updatedAt: now }).where(eq(breaches.id, id)).run();
    recordAudit(tx, { actorId, action: "breach.closed", targetType: "breach", targetId: id, details: { regulatorNotified: found.breach.regulatorNotifiedAt !== null } });
  });
  return { ok: true };
}

/** The whole breach log as a spreadsheet (audited). */
export function breachesCsv(actorId: string): { csv: string; fileName: string } {
  const { timeZone } = getOrganisation();
  const rows = breachLog();
  const when = (instant: number | null) => (instant === null ? "" : isoDateTime(instant, timeZone));
  const header = ["Found", "Happened", "What happened", "Who is affected", "How many", "Tell the NDPC by", "NDPC told", "People told", "Told late", "What was done", "Closed"];
  const lines = rows.map((row) => [
    when(row.foundAt),
    when(row.occurredAt),
    row.summary,
    row.affected,
    row.affectedCount === null ? "" : String(row.affectedCount),
    when(row.notifyBy),
    when(row.regulatorNotifiedAt),
    when(row.peopleNotifiedAt),
    row.late ? "Yes" : "No",
    row.actions,
    when(row.closedAt),
  ]);
  recordAudit(db, { actorId, action: "breaches.exported", targetType: "breach", details: { rows: rows.length } });
  return { csv: toCsv([header, ...lines]), fileName: "breach-log.csv" };
}
