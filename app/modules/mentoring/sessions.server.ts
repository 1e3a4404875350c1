import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { mentoringSessions, mentorships, type SessionOutcome } from "~db/schema";
import { DAY, MINUTE, clock } from "~/utils/clock.server";
import { localInputToInstant } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { notFound } from "~/utils/http.server";
import { mentorshipForViewer, personIn, timeZoneIn, type Person, type ViewerMentorship } from "./mentorships.server";
import { FORMAT_LABELS } from "./options";
import { personTimeZone } from "./profiles.server";
import { sessionIcs, sessionWhen, workspaceUrl, type SessionRow } from "./session-calendar.server";
import { scheduleSessionReminder } from "./session-reminders.server";
import type { ProposeSessionValues } from "./session-schemas";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { refuse, type Outcome } from "~/utils/refusal";

/** Sessions are planned at least this far ahead, and at most a year out. */
const MIN_NOTICE = 15 * MINUTE;
const MAX_AHEAD = 365 * DAY;
/** Proposals still waiting for an answer, per mentorship: enough to offer a few times at once. */
const MAX_OPEN_PROPOSALS = 5;

type SessionOutcomeResult = Outcome<{ message: string }>;

/** The pair's sessions, earliest first. Callers have checked the viewer belongs to the pair. */
export function sessionsOf(mentorshipId: string): SessionRow[] {
  return db.select().from(mentoringSessions).where(eq(mentoringSessions.mentorshipId, mentorshipId)).orderBy(asc(mentoringSessions.startsAt)).all();
}

/** One session of the pair, for one of its two people; a 404 for anyone else and for another pair's session. */
export function sessionForViewer(mentorshipId: string, sessionId: string, userId: string): { pair: ViewerMentorship; session: SessionRow } {
  const pair = mentorshipForViewer(mentorshipId, userId);
  const session = db
    .select()
    .from(mentoringSessions)
    .where(and(eq(mentoringSessions.id, sessionId), eq(mentoringSessions.mentorshipId, mentorshipId)))
    .get();
  if (!session) notFound("We could not find that session.");
  return { pair, session };
}

function sides(pair: ViewerMentorship): { me: Person; other: Person } {
  return pair.role === "mentor" ? { me: pair.mentor, other: pair.mentee } : { me: pair.mentee, other: pair.mentor };
}

function requireActive(pair: ViewerMentorship): SessionOutcomeResult | null {
  if (pair.mentorship.status === "active") return null;
  return refuse("This mentorship is not active, so its sessions cannot change.");
}

function facts(tx: Tx, session: SessionRow, person: Person, otherName: string) {
  return {
    name: person.name,
    otherName,
    when: sessionWhen(session, timeZoneIn(tx, person.id)),
    format: FORMAT_LABELS[session.format],
    location: session.location,
    agenda: session.agenda,
    url: workspaceUrl(session.mentorshipId),
  };
}

/** Either side proposes a time typed in their own time zone; the other side is emailed to confirm or decline. */
export function proposeSession({ mentorshipId, userId, values }: { mentorshipId: string; userId: string; values: ProposeSessionValues }): SessionOutcomeResult {
  const now = clock.now();
  const pair = mentorshipForViewer(mentorshipId, userId);
  const inactive = requireActive(pair);
  if (inactive) return inactive;
  const startsAt = localInputToInstant(`${values.date}T${values.time}`, personTimeZone(userId));
  if (startsAt === null) return refuse("Enter a real date, like 03/12/2026", { field: "date" });
  if (startsAt < now + MIN_NOTICE) return refuse("Choose a time in the future, at least 15 minutes from now", { field: "date" });
  if (startsAt > now + MAX_AHEAD) return refuse("Choose a date within the next year", { field: "date" });
  const { me, other } = sides(pair);
  return db.transaction(
    (tx) => {
      const waiting = tx
        .select({ id: mentoringSessions.id })
        .from(mentoringSessions)
        .where(and(eq(mentoringSessions.mentorshipId, mentorshipId), eq(mentoringSessions.status, "proposed"), gt(mentoringSessions.startsAt, now)))
        .all();
      if (waiting.length >= MAX_OPEN_PROPOSALS) {
        return refuse(`${MAX_OPEN_PROPOSALS} proposed times are already waiting for an answer. Wait for one, or cancel one first.`);
      }
      const session = tx
        .insert(mentoringSessions)
        .values({
          id: randomId(16),
          mentorshipId,
          proposedBy: userId,
          startsAt,
          durationMinutes: values.duration,
          format: values.format,
          location: values.location,
          agenda: values.agenda ?? "",
          status: "proposed",
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      enqueueMessage(tx, other.email, "mentoring-session-proposed", facts(tx, session, other, me.name));
      return { ok: true, message: `Proposed. We have emailed ${other.name} to confirm the time.` } as const;
    },
    { behavior: "immediate" },
  );
}

type SessionAnswer = "confirm" | "decline" | "cancel";

/**
 * Confirm or decline (the side that did not propose it), or cancel (the proposer while it waits;
 * either side once confirmed). Only sessions still ahead change; each change bumps the sequence so
 * calendars replace the event.
 */
export function answerSession({ mentorshipId, sessionId, userId, answer }: { mentorshipId: string; sessionId: string; userId: string; answer: SessionAnswer }): SessionOutcomeResult {
  const now = clock.now();
  const { pair } = sessionForViewer(mentorshipId, sessionId, userId);
  const inactive = requireActive(pair);
  if (inactive) return inactive;
  const { me, other } = sides(pair);
  return db.transaction(
    (tx): SessionOutcomeResult => {
      const session = tx.select().from(mentoringSessions).where(eq(mentoringSessions.id, sessionId)).get()!;
      if (session.startsAt <= now) return refuse("That session's time has passed, so it can no longer change.");
      const mine = session.proposedBy === userId;
      if (answer !== "cancel") {
        if (session.status !== "proposed") return refuse("That session has already been answered.");
        if (mine) return refuse("The other person answers the time you proposed. You can cancel it instead.");
      } else if (!(session.status === "confirmed" || (session.status === "proposed" && mine))) {
        return refuse(session.status === "proposed" ? "Decline a time you were offered instead of cancelling it." : "That session is no longer planned.");
      }
      const status = answer === "confirm" ? "confirmed" : answer === "decline" ? "declined" : "cancelled";
      const updated = tx
        .update(mentoringSessions)
        .set({ status, respondedAt: answer === "cancel" ? session.respondedAt : now, sequence: session.sequence + 1, updatedAt: now })
        .where(and(eq(mentoringSessions.id, sessionId), inArray(mentoringSessions.status, ["proposed", "confirmed"])))
        .returning()
        .get()!;
      const url = workspaceUrl(mentorshipId);
      if (answer === "confirm") {
        const ics = sessionIcs(updated, pair, "invitation");
        for (const [person, otherPerson] of [[me, other], [other, me]] as const) {
          enqueueMessage(tx, person.email, "mentoring-session-confirmed", { ...facts(tx, updated, person, otherPerson.name), ics });
        }
        scheduleSessionReminder(tx, updated, now);
        return { ok: true, message: "Confirmed. You both have an email with a calendar file." };
      }
      const when = sessionWhen(updated, timeZoneIn(tx, other.id));
      if (answer === "decline") {
        enqueueMessage(tx, other.email, "mentoring-session-declined", { name: other.name, otherName: me.name, when, url });
        return { ok: true, message: `Declined. We have let ${other.name} know.` };
      }
      const ics = session.status === "confirmed" ? sessionIcs(updated, pair, "invitation") : undefined;
      enqueueMessage(tx, other.email, "mentoring-session-cancelled", { name: other.name, otherName: me.name, when, url, ics });
      return { ok: true, message: `Cancelled. We have let ${other.name} know.` };
    },
    { behavior: "immediate" },
  );
}

function startedConfirmed(session: SessionRow, now: number): SessionOutcomeResult | null {
  if (session.status !== "confirmed") return refuse("Only a confirmed session can be marked or rated.");
  if (session.startsAt > now) return refuse("You can say how it went once the session's time has come.");
  return null;
}

/** After the time, each side says whether the session happened; a second answer replaces the first. */
export function recordOutcome({ mentorshipId, sessionId, userId, outcome }: { mentorshipId: string; sessionId: string; userId: string; outcome: SessionOutcome }): SessionOutcomeResult {
  const now = clock.now();
  const { pair, session } = sessionForViewer(mentorshipId, sessionId, userId);
  const refused = startedConfirmed(session, now);
  if (refused) return refused;
  const column = pair.role === "mentor" ? { mentorOutcome: outcome } : { menteeOutcome: outcome };
  db.update(mentoringSessions)
    .set({ ...column, updatedAt: now })
    .where(eq(mentoringSessions.id, sessionId))
    .run();
  return { ok: true, message: outcome === "held" ? "Noted: the session took place." : "Noted: the session did not take place." };
}

/** The mentee rates a session that has taken place, 1 to 5, with an optional comment. */
export function rateSession({ mentorshipId, sessionId, userId, rating, comment }: { mentorshipId: string; sessionId: string; userId: string; rating: number; comment: string }): SessionOutcomeResult {
  const now = clock.now();
  const { pair, session } = sessionForViewer(mentorshipId, sessionId, userId);
  if (pair.role !== "mentee") return refuse("Only the mentee rates sessions.");
  const refused = startedConfirmed(session, now);
  if (refused) return refused;
  if (session.menteeOutcome === "missed") return refuse("You said this session did not take place, so there is nothing to rate.");
  db.update(mentoringSessions)
    .set({ menteeRating: rating, menteeComment: comment, menteeOutcome: session.menteeOutcome ?? "held", updatedAt: now })
    .where(eq(mentoringSessions.id, sessionId))
    .run();
  return { ok: true, message: "Thank you: your rating is saved." };
}

/**
 * When a mentorship ends, in the transaction that ends it: its sessions still ahead are called
 * off, and each confirmed one is sent to both sides as a METHOD:CANCEL file, so it leaves their
 * calendars. Returns how many sessions were called off.
 */
export function cancelSessionsOfEndedMentorship(tx: Tx, mentorshipId: string, now: number): number {
  const ahead = tx
    .select()
    .from(mentoringSessions)
    .where(and(eq(mentoringSessions.mentorshipId, mentorshipId), inArray(mentoringSessions.status, ["proposed", "confirmed"]), gt(mentoringSessions.startsAt, now)))
    .all();
  if (!ahead.length) return 0;
  const pair = tx.select().from(mentorships).where(eq(mentorships.id, mentorshipId)).get()!;
  const mentor = personIn(tx, pair.mentorId);
  const mentee = personIn(tx, pair.menteeId);
  const url = workspaceUrl(mentorshipId);
  for (const session of ahead) {
    const cancelled = tx
      .update(mentoringSessions)
      .set({ status: "cancelled", sequence: session.sequence + 1, updatedAt: now })
      .where(eq(mentoringSessions.id, session.id))
      .returning()
      .get()!;
    if (session.status !== "confirmed") continue;
    const ics = sessionIcs(cancelled, { mentor, mentee }, "invitation");
    for (const [person, other] of [[mentor, mentee], [mentee, mentor]] as const) {
      const when = sessionWhen(cancelled, timeZoneIn(tx, person.id));
      enqueueMessage(tx, person.email, "mentoring-session-cancelled", { name: person.name, otherName: other.name, when, url, ics, becauseEnded: true });
    }
  }
  return ahead.length;
}
