import Database from "better-sqlite3";
import type { BookingReply } from "./booking-client";
import type { Booker } from "./booking-world";

// What the database holds after a series, read straight from the file, against what the replies said.

type Stored = { seq: number; id: string; userId: string; status: string; waitlistedAt: number | null };

function storedRegistrations(databaseFile: string, eventId: string): Stored[] {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return sqlite
      .prepare(`select rowid as seq, id, user_id as userId, status, waitlisted_at as waitlistedAt from registrations where event_id = ? order by rowid`)
      .all(eventId) as Stored[];
  } finally {
    sqlite.close();
  }
}

/** Each check of the rush, and whether it holds. */
export function rushChecks(databaseFile: string, eventId: string, seats: number, bookers: Booker[], replies: BookingReply[]): [string, boolean][] {
  const rows = storedRegistrations(databaseFile, eventId);
  const ours = new Set(bookers.map((b) => b.userId));
  const confirmed = rows.filter((r) => r.status === "confirmed");
  const waiting = rows.filter((r) => r.status === "waitlisted");
  const expectedWaiting = bookers.length - seats;
  // The app's waitlist order (joined, then id) against the order the rows were written in.
  const byAppOrder = [...waiting].sort((a, b) => (a.waitlistedAt ?? 0) - (b.waitlistedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rank = new Map(byAppOrder.map((r, i) => [r.userId, i + 1]));
  const told = replies.filter((r) => r.outcome === "waitlisted").map((r) => r.position!);
  const toldSorted = [...told].sort((a, b) => a - b);
  const lastConfirmed = Math.max(0, ...confirmed.map((r) => r.seq));
  return [
    [`every request answered with a booking (${replies.filter((r) => r.outcome !== "other").length} of ${bookers.length})`, replies.every((r) => r.outcome !== "other")],
    [`one registration per person (${rows.length} rows, ${new Set(rows.map((r) => r.userId)).size} people)`, rows.length === bookers.length && new Set(rows.map((r) => r.userId)).size === rows.length && rows.every((r) => ours.has(r.userId))],
    [`exactly ${seats} confirmed (${confirmed.length})`, confirmed.length === seats],
    [`exactly ${expectedWaiting} waitlisted (${waiting.length})`, waiting.length === expectedWaiting],
    ["every seat went before anyone waited", waiting.every((r) => r.seq > lastConfirmed)],
    ["the waitlist's order is the order the bookings were written", byAppOrder.every((r, i) => r === waiting[i])],
    [`replies: ${replies.filter((r) => r.outcome === "confirmed").length} seats, ${told.length} waitlist numbers`, replies.filter((r) => r.outcome === "confirmed").length === seats && told.length === expectedWaiting],
    ["waitlist numbers told are 1…n, no gaps, no duplicates", toldSorted.every((position, i) => position === i + 1)],
    ["each person's number is their place on the waitlist", replies.every((r) => r.outcome !== "waitlisted" || rank.get(r.booker.userId) === r.position)],
  ];
}

/** Seats held on the steady series' event, which must equal the replies that said "booked". */
export function confirmedCount(databaseFile: string, eventId: string): number {
  return storedRegistrations(databaseFile, eventId).filter((r) => r.status === "confirmed").length;
}
