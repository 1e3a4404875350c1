import { and, asc, eq, like, lte, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { certificates, cohortMembers, exerciseAnswers, stepNudges, stepReleases, users } from "~db/schema";
import { DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createCohort } from "~/modules/cohorts/index.server";
import { localDateOf } from "~/modules/cohorts";
import { ensureBuiltInCurriculum, stepsOf } from "~/modules/curriculum/index.server";
import { cohortSettings, DEMO_SCHEDULE, releaseAt, sampleAnswer } from "./programme";
import { at, idOf } from "./timeline";

// The benchmark's cohorts: 20 of 50 members each, started over the last month. Each cohort is
// made through the cohorts area three days before it starts; its members, answers and reminders
// are written straight in for speed, at the moments the area would have written them: members
// join before the first step opens, answer a few hours after a step opens, and are reminded the
// cohort's delay after a step they left undone.

/** 20 cohorts of 50, times `scale`: each further twenty started four months before the last. */
export function seedLargeProgramme(db: Db, { now, timeZone, scale = 1 }: { now: number; timeZone: string; scale?: number }) {
  const { id: curriculumId } = ensureBuiltInCurriculum();
  const steps = stepsOf(curriculumId);
  const names = db.$client.prepare(`select c.title as curriculum, o.name as organisation from curricula c, organisation_settings o where c.id = ?`).get(curriculumId) as { curriculum: string; organisation: string };
  const organiserId = idOf("organiser@example.org");
  const mentorId = idOf("mentor@example.org");
  const demoParticipantId = idOf("participant@example.org");
  const people = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(like(users.email, "participant%@example.org"))
    .orderBy(asc(users.createdAt))
    .limit(1000 * scale)
    .all()
    .filter((p) => p.id !== demoParticipantId);
  for (let c = 0; c < 20 * scale; c++) {
    const startDate = localDateOf(now - (c % 10) * 3 * DAY - Math.floor(c / 20) * 120 * DAY, timeZone);
    const opens = steps.map((_, index) => releaseAt(startDate, index + 1, timeZone));
    const createdAt = opens[0] - 3 * DAY;
    const cohortId = at(createdAt, () => createCohort({ actorId: organiserId, curriculumId, values: cohortSettings(`Cohort ${c + 1}`, startDate, mentorId, 50) }));
    // Steps open long enough ago that members had time to answer them.
    const open = opens.filter((opened) => opened + 6 * HOUR <= now).length;
    db.transaction(
      (tx) => {
        tx.update(stepReleases)
          .set({ notifiedAt: sql`${stepReleases.releaseAt}` })
          .where(and(eq(stepReleases.cohortId, cohortId), lte(stepReleases.releaseAt, now)))
          .run();
        people.slice(c * 50, c * 50 + 50).forEach((person, index) => {
          const memberId = randomId(16);
          const joinedAt = createdAt + DAY + index * MINUTE;
          tx.insert(cohortMembers).values({ id: memberId, cohortId, userId: person.id, joinedAt, joinedVia: "code" }).run();
          const done = Math.max(0, open - (index % 4));
          steps.slice(0, done).forEach((step, n) => {
            const answeredAt = opens[n] + (1 + (index % 5)) * HOUR;
            tx.insert(exerciseAnswers).values({ memberId, stepId: step.id, answer: sampleAnswer(step.exercise, person.name, answeredAt), completedAt: answeredAt, updatedAt: answeredAt }).run();
          });
          // Every step done: the certificate the programme issues, as it would have on the last answer.
          if (done === steps.length) {
            const completedAt = opens[done - 1] + (1 + (index % 5)) * HOUR;
            tx.insert(certificates)
              .values({ id: randomId(16), memberId, userId: person.id, recipientName: person.name, curriculumTitle: names.curriculum, cohortName: `Cohort ${c + 1}`, organisationName: names.organisation, completedAt })
              .run();
          }
          steps.slice(done, open).forEach((step, n) => {
            const remindedAt = Math.max(opens[done + n], joinedAt) + DEMO_SCHEDULE.nudgeAfterDays * DAY;
            if (remindedAt <= now) tx.insert(stepNudges).values({ memberId, stepId: step.id, sentAt: remindedAt }).run();
          });
        });
      },
      { behavior: "immediate" },
    );
  }
}
