import { and, asc, eq, ne, or, sql } from "drizzle-orm";
import { db, likePattern } from "~db/client.server";
import { events, registrations, users } from "~db/schema";
import { formatTime } from "~/utils/dates";
import type { Flash } from "~/utils/flash";
import type { CheckInResult } from "~/modules/events/check-in/check-in.server";

const CHECK_IN_LIST_LIMIT = 50;

type DoorRow = {
  id: string;
  name: string;
  email: string;
  status: "confirmed" | "waitlisted" | "offered" | "cancelled";
  checkedInAt: number | null;
};

/**
 * The people at the door: those registered (not cancelled) whose name or email contains `query`,
 * by name; without a query, everyone not yet checked in first. One more row than the limit is
 * read so the page can say there are more.
 */
export function doorList(eventId: string, query: string): { rows: DoorRow[]; more: boolean } {
  const q = query.trim();
  const pattern = likePattern(q);
  const matches = q ? or(sql`${users.name} like ${pattern} escape '\\'`, sql`${users.email} like ${pattern} escape '\\'`) : undefined;
  const rows = db
    .select({ id: registrations.id, name: users.name, email: users.email, status: registrations.status, checkedInAt: registrations.checkedInAt })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(eq(registrations.eventId, eventId), ne(registrations.status, "cancelled"), matches))
    .orderBy(
      // Without a search, the people still to arrive come first.
      ...(q ? [] : [sql`${registrations.checkedInAt} is not null`]),
      sql`case ${registrations.status} when 'confirmed' then 0 else 1 end`,
      asc(sql`${users.name} collate nocase`),
      asc(registrations.id),
    )
    .limit(CHECK_IN_LIST_LIMIT + 1)
    .all();
  return { rows: rows.slice(0, CHECK_IN_LIST_LIMIT), more: rows.length > CHECK_IN_LIST_LIMIT };
}

type TicketAtDoor = {
  registrationId: string;
  eventId: string;
  eventTitle: string;
  name: string;
  email: string;
  status: "confirmed" | "waitlisted" | "offered" | "cancelled";
  shortCode: string;
  checkedInAt: number | null;
};

/** The ticket a QR code points at, whichever event it is for (the page says when it is another one). */
export function ticketByToken(token: string): TicketAtDoor | null {
  if (!token || token.length > 100) return null;
  return (
    db
      .select({
        registrationId: registrations.id,
        eventId: registrations.eventId,
        eventTitle: events.title,
        name: users.name,
        email: users.email,
        status: registrations.status,
        shortCode: registrations.shortCode,
        checkedInAt: registrations.checkedInAt,
      })
      .from(registrations)
      .innerJoin(users, eq(users.id, registrations.userId))
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(eq(registrations.checkInToken, token))
      .get() ?? null
  );
}

/** What the organiser at the door is told after a check-in attempt. */
export function checkInFlash(result: CheckInResult, timeZone: string): Flash {
  if (result.ok && result.status === "checked-in") return { kind: "success", message: `${result.person.name} is checked in.` };
  if (result.ok) {
    const by = result.byName ? ` by ${result.byName}` : "";
    return { kind: "info", message: `${result.person.name} was already checked in at ${formatTime(result.checkedInAt, timeZone)}${by}.` };
  }
  return { kind: "error", message: result.message };
}
