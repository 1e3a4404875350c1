import { and, eq, inArray } from "drizzle-orm";
import { clock, DAY } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import type { Db } from "~db/client.server";
import { mentorProfiles, mentorships, users } from "~db/schema";
import { scheduleFirstCheckIn, REQUEST_LAPSE_JOB, RESPOND_WITHIN } from "~/modules/mentoring/index.server";
import { scheduleJob } from "~/modules/outbox/index.server";

// Demo mentorships, after the mentor and mentee profiles exist: the demo mentor and the demo
// participant are an active pair, and a classmate's request waits for the demo mentor's answer.
// Written straight in, with no emails: nobody asked for anything in the demo.

const REQUESTER_EMAIL = "cohort-member-1@example.org";

export function seedMentoringPairs(db: Db) {
  const now = clock.now();
  db.transaction(
    (tx) => {
      const people = tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, ["mentor@example.org", "participant@example.org", REQUESTER_EMAIL]))
        .all();
      const idOf = (email: string) => people.find((p) => p.email === email)?.id;
      const mentorId = idOf("mentor@example.org");
      const menteeId = idOf("participant@example.org");
      const requesterId = idOf(REQUESTER_EMAIL);
      if (!mentorId || !menteeId) return;
      const profile = tx.select().from(mentorProfiles).where(eq(mentorProfiles.userId, mentorId)).get();
      if (!profile || profile.status !== "approved") return;
      const existing = tx.select({ id: mentorships.id }).from(mentorships).where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.menteeId, menteeId))).get();
      if (existing) return;

      const startedAt = now - 12 * DAY;
      const pairId = randomId(16);
      tx.insert(mentorships)
        .values({
          id: pairId,
          mentorId,
          menteeId,
          source: "request",
          status: "active",
          requestMessage: "I am aiming for a first analyst role in banking and would love help preparing for interviews.",
          createdAt: startedAt - 2 * DAY,
          respondBy: startedAt - 2 * DAY + RESPOND_WITHIN,
          respondedAt: startedAt,
          startedAt,
        })
        .run();
      scheduleFirstCheckIn(tx, pairId, startedAt);

      if (!requesterId) return;
      const createdAt = now - 2 * DAY;
      const requestId = randomId(16);
      tx.insert(mentorships)
        .values({
          id: requestId,
          mentorId,
          menteeId: requesterId,
          source: "request",
          status: "proposed",
          requestMessage: "I was turned down for three graduate schemes this year. Could you help me see what to change?",
          createdAt,
          respondBy: createdAt + RESPOND_WITHIN,
        })
        .run();
      scheduleJob(tx, { kind: REQUEST_LAPSE_JOB, runAt: createdAt + RESPOND_WITHIN, payload: { mentorshipId: requestId }, uniqueKey: `mentor-request-lapse:${requestId}` });
    },
    { behavior: "immediate" },
  );
}
