import type { Tx, Db } from "~db/client.server";
import { and, asc, eq, inArray, like, lte } from "drizzle-orm";
import { clock, DAY } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { cohortMembers, cohorts, curriculumSteps, exerciseAnswers, jobApplications, stepNudges, stepReleases, users } from "~db/schema";
import { generateJoinCode, syncReleases } from "~/modules/cohorts/index.server";
import { localDateOf } from "~/modules/cohorts";
import { ensureBuiltInCurriculum } from "~/modules/curriculum/index.server";
import type { ExerciseDefinition } from "~/modules/curriculum";
import { insertUser } from "~/modules/auth/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

// Demo cohorts for `npm start` and the benchmark: the built-in curriculum, a cohort the demo
// participant is in with some progress, and with `large` 20 cohorts of 50 members.

export const DEMO_COHORT_NAME = "Lagos spring cohort (demo)";
export const DEMO_JOIN_CODE = "DEMO2026";


/** A plausible answer of each kind, for demo progress. */
function sampleAnswer(def: ExerciseDefinition, who: string): Record<string, unknown> {
  const text = (label: string) => `${who}: my answer to “${label}”.`;
  switch (def.kind) {
    case "reflection":
      return { values: Object.fromEntries(def.prompts.map((p) => [p.key, text(p.label)])) };
    case "email_draft":
      return { values: Object.fromEntries(def.placeholders.map((p) => [p.key, p.label])) };
    case "list":
      return { items: Array.from({ length: def.minItems }, () => Object.fromEntries(def.fields.map((f) => [f.key, text(f.label)]))) };
    case "journal":
      return { entries: [{ id: randomId(8), at: clock.now(), values: Object.fromEntries(def.fields.map((f) => [f.key, text(f.label)])) }] };
    case "rating_text":
      return { rating: 3, text: text(def.textPrompt.label) };
    case "future_note":
      return { text: text(def.prompt.label) };
    case "application_tracker":
      return { applications: def.minEntries };
  }
}

function createCohortRow(tx: Tx, input: { name: string; curriculumId: string; startDate: string; joinCode: string; facilitatorId: string | null; capacity: number }) {
  const now = clock.now();
  const id = randomId(16);
  tx.insert(cohorts)
    .values({ id, ...input, schedule: { kind: "interval", everyDays: 2, hour: 9 }, nudgeAfterDays: 3, createdAt: now, updatedAt: now })
    .run();
  syncReleases(tx, id, now);
  // Steps that opened before the demo existed were never announced: mark them so the worker
  // does not email demo people about the past.
  tx.update(stepReleases).set({ notifiedAt: now }).where(and(eq(stepReleases.cohortId, id), lte(stepReleases.releaseAt, now))).run();
  return id;
}

function addMembersWithProgress(tx: Tx, cohortId: string, people: { id: string; name: string }[], steps: { id: string; exercise: ExerciseDefinition }[], openCount: number) {
  const now = clock.now();
  people.forEach((person, index) => {
    const memberId = randomId(16);
    tx.insert(cohortMembers).values({ id: memberId, cohortId, userId: person.id, joinedAt: now - 10 * DAY, joinedVia: "code" }).run();
    // Spread progress: some members keep up, some fall a step or two behind.
    const done = Math.max(0, openCount - (index % 4));
    steps.slice(0, done).forEach((step, n) => {
      const at = now - (done - n) * DAY;
      tx.insert(exerciseAnswers).values({ memberId, stepId: step.id, answer: sampleAnswer(step.exercise, person.name), completedAt: at, updatedAt: at }).run();
    });
    // Behind on a step: as if reminded already, so starting the demo sends no burst of reminders.
    for (const step of steps.slice(done, openCount)) tx.insert(stepNudges).values({ memberId, stepId: step.id, sentAt: now - DAY }).run();
  });
}

/** Fictional classmates of the demo participant, so the organisers' grid has rows to show. */
const DEMO_CLASSMATES = ["Emeka Obi", "Funmilayo Adeyemi", "Musa Ibrahim", "Ngozi Umeh", "Tobi Lawal", "Zainab Sani"];

export function seedProgramme(db: Db, options: { large?: boolean; passwordHash: string }) {
  const { id: curriculumId } = ensureBuiltInCurriculum();
  const { timeZone } = getOrganisation();
  const steps = db.select({ id: curriculumSteps.id, exercise: curriculumSteps.exercise }).from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(asc(curriculumSteps.position)).all();
  const now = clock.now();
  db.transaction(
    (tx) => {
      const demo = tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.email, ["participant@example.org", "mentor@example.org"])).all();
      const participant = demo.find((u) => u.email === "participant@example.org");
      const mentor = demo.find((u) => u.email === "mentor@example.org");
      // Started a week ago, a step every two days: four steps are open, the fifth opens tomorrow.
      const startDate = localDateOf(now - 7 * DAY, timeZone);
      const cohortId = createCohortRow(tx, { name: DEMO_COHORT_NAME, curriculumId, startDate, joinCode: DEMO_JOIN_CODE, facilitatorId: mentor?.id ?? null, capacity: 30 });
      const classmates = DEMO_CLASSMATES.map((name, index) => {
        const email = `cohort-member-${index + 1}@example.org`;
        return { id: insertUser(tx, { email, name, passwordHash: options.passwordHash, roles: ["participant"], emailVerified: true }), name };
      });
      addMembersWithProgress(tx, cohortId, classmates, steps, 4);
      if (participant) {
        addMembersWithProgress(tx, cohortId, [participant], steps, 2);
        for (const [company, role, days, status] of [
          ["Lagoon Foods Ltd", "Graduate Trainee", 20, "rejected"],
          ["Eko Logistics", "Operations Assistant", 6, "interview"],
        ] as const) {
          tx.insert(jobApplications)
            .values({ id: randomId(16), userId: participant.id, company, role, appliedOn: localDateOf(now - days * DAY, timeZone), status, createdAt: now, updatedAt: now })
            .run();
        }
      }
      if (!options.large) return;
      const people = tx.select({ id: users.id, name: users.name }).from(users).where(like(users.email, "participant%@example.org")).orderBy(asc(users.createdAt)).limit(1000).all().filter((p) => p.id !== participant?.id);
      for (let c = 0; c < 20; c++) {
        const start = localDateOf(now - (c % 10) * 3 * DAY, timeZone);
        const id = createCohortRow(tx, { name: `Cohort ${c + 1}`, curriculumId, startDate: start, joinCode: generateJoinCode(), facilitatorId: mentor?.id ?? null, capacity: 50 });
        const open = Math.min(steps.length, Math.floor(((c % 10) * 3 * DAY) / (2 * DAY)) + 1);
        addMembersWithProgress(tx, id, people.slice(c * 50, c * 50 + 50), steps, open);
      }
    },
    { behavior: "immediate" },
  );
}
