import { eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { mentoringSessions, mentorships } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { personIn, timeZoneIn } from "./mentorships.server";
import { FORMAT_LABELS } from "./options";
import { sessionWhen, workspaceUrl, type SessionRow } from "./session-calendar.server";
import { firstTime, scheduleJob, enqueueMessage } from "~/modules/outbox/index.server";

export const SESSION_REMINDER_JOB = "mentoring.session-reminder";

/**
 * The day-before reminder of a confirmed session. A session confirmed less than a day ahead gets
 * none: the confirmation has just gone out.
 */
export function scheduleSessionReminder(tx: Tx, session: SessionRow, now: number) {
  const runAt = session.startsAt - DAY;
  if (runAt <= now) return;
  scheduleJob(tx, {
    kind: SESSION_REMINDER_JOB,
    runAt,
    payload: { sessionId: session.id, startsAt: session.startsAt },
    uniqueKey: `mentoring-session-reminder:${session.id}:${session.startsAt}`,
  });
}

/** One reminder to each side, once, if the session is still confirmed, still ahead and the pair still active. */
export function sendSessionReminderJob(payload: Record<string, unknown>) {
  db.transaction(
    (tx) => {
      const session = tx.select().from(mentoringSessions).where(eq(mentoringSessions.id, String(payload.sessionId ?? ""))).get();
      if (!session || session.status !== "confirmed" || session.startsAt !== Number(payload.startsAt)) return;
      if (clock.now() >= session.startsAt) return;
      const pair = tx.select().from(mentorships).where(eq(mentorships.id, session.mentorshipId)).get();
      if (!pair || pair.status !== "active") return;
      if (!firstTime(tx, `mentoring-session-reminder:${session.id}:${session.startsAt}`)) return;
      const mentor = personIn(tx, pair.mentorId);
      const mentee = personIn(tx, pair.menteeId);
      for (const [person, other] of [[mentor, mentee], [mentee, mentor]] as const) {
        enqueueMessage(tx, person.email, "mentoring-session-reminder", {
          name: person.name,
          otherName: other.name,
          when: sessionWhen(session, timeZoneIn(tx, person.id)),
          format: FORMAT_LABELS[session.format],
          location: session.location,
          agenda: session.agenda,
          url: workspaceUrl(session.mentorshipId),
        }, { aboutAt: session.startsAt });
      }
      tx.update(mentoringSessions).set({ reminderSentAt: clock.now() }).where(eq(mentoringSessions.id, session.id)).run();
    },
    { behavior: "immediate" },
  );
}

/** The mentoring sessions' scheduled work: the reminder the day before. */
