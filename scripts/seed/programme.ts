import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { announceRelease, addApplication, createCohort, joinCohort, saveAnswer, sendDueNudges, updateApplication } from "~/modules/cohorts/index.server";
import { cohortSettingsSchema, localDateOf, localDateTime } from "~/modules/cohorts";
import { ensureBuiltInCurriculum, stepsOf, type CurriculumStep } from "~/modules/curriculum/index.server";
import type { ExerciseDefinition } from "~/modules/curriculum";
import { findUserByEmail, insertUser } from "~/modules/auth/index.server";
import { accepted, idOf, type DemoContext } from "./timeline";

// The demo cohort for `npm start`, on the built-in curriculum: made ten days ago, joined by the
// demo participant and six classmates before it started a week ago, a step every two days since
// (four are open, the fifth opens tomorrow), with each member's answers given after the step
// opened and reminders to those who fell behind. The worker's part in that past (announcing each
// step, reminding) is played at the moment it would have run.

export const DEMO_COHORT_NAME = "Lagos spring cohort (demo)";
export const DEMO_JOIN_CODE = "DEMO2026";

export const DEMO_SCHEDULE = { everyDays: 2, hour: 9, nudgeAfterDays: 3 };

/** Fictional classmates of the demo participant, so the organisers' grid has rows to show. */
const DEMO_CLASSMATES = ["Emeka Obi", "Funmilayo Adeyemi", "Musa Ibrahim", "Ngozi Umeh", "Tobi Lawal", "Zainab Sani"];

const PARTICIPANT = "participant@example.org";

/** A plausible answer of each kind, for demo progress, given at `at`. */
export function sampleAnswer(def: ExerciseDefinition, who: string, at = clock.now()): Record<string, unknown> {
  const text = (label: string) => `${who}: my answer to “${label}”.`;
  switch (def.kind) {
    case "reflection":
      return { values: Object.fromEntries(def.prompts.map((p) => [p.key, text(p.label)])) };
    case "email_draft":
      return { values: Object.fromEntries(def.placeholders.map((p) => [p.key, p.label])) };
    case "list":
      return { items: Array.from({ length: def.minItems }, () => Object.fromEntries(def.fields.map((f) => [f.key, text(f.label)]))) };
    case "journal":
      return { entries: [{ id: randomId(8), at, values: Object.fromEntries(def.fields.map((f) => [f.key, text(f.label)])) }] };
    case "rating_text":
      return { rating: 3, text: text(def.textPrompt.label) };
    case "future_note":
      return { text: text(def.prompt.label) };
    case "application_tracker":
      return { applications: def.minEntries };
  }
}

/** The organisers' cohort form, filled in. */
export function cohortSettings(name: string, startDate: string, facilitatorId: string, capacity: number) {
  return cohortSettingsSchema.parse({
    intent: "save",
    name,
    startDate,
    scheduleKind: "interval",
    everyDays: DEMO_SCHEDULE.everyDays,
    hour: DEMO_SCHEDULE.hour,
    facilitatorId,
    capacity,
    nudgeAfterDays: DEMO_SCHEDULE.nudgeAfterDays,
  });
}

/** When step `position` (from 1) of a cohort starting on `startDate` opens. */
export function releaseAt(startDate: string, position: number, timeZone: string): number {
  return localDateTime(startDate, (position - 1) * DEMO_SCHEDULE.everyDays, DEMO_SCHEDULE.hour, timeZone);
}

type Member = { email: string; stepsDone: number; newAccount?: { name: string } };

export function planDemoProgramme(demo: DemoContext) {
  const { db, now, timeZone, passwordHash, timeline } = demo;
  const startDate = localDateOf(now - 7 * DAY, timeZone);
  const opens = (position: number) => releaseAt(startDate, position, timeZone);
  let cohortId = "";
  let steps: CurriculumStep[] = [];

  timeline.add(now - 10 * DAY, () => {
    const { id: curriculumId } = ensureBuiltInCurriculum();
    steps = stepsOf(curriculumId);
    const values = cohortSettings(DEMO_COHORT_NAME, startDate, idOf("mentor@example.org"), 30);
    cohortId = createCohort({ actorId: idOf("organiser@example.org"), curriculumId, values, joinCode: DEMO_JOIN_CODE });
  });

  // Some classmates keep up, some fall a step or two behind; the participant has done two steps.
  const members: Member[] = [
    ...DEMO_CLASSMATES.map((name, index) => ({ email: `cohort-member-${index + 1}@example.org`, stepsDone: 4 - (index % 4), newAccount: { name } })),
    { email: PARTICIPANT, stepsDone: 2 },
  ];
  members.forEach((member, index) => {
    const joinsAt = now - 9 * DAY + index * 2 * HOUR;
    const { newAccount } = member;
    if (newAccount) {
      timeline.add(joinsAt - 10 * MINUTE, () => {
        db.transaction((tx) => insertUser(tx, { email: member.email, name: newAccount.name, passwordHash, roles: ["participant"], emailVerified: true }));
      });
    }
    let memberId = "";
    let name = "";
    timeline.add(joinsAt, () => {
      const user = findUserByEmail(member.email)!;
      name = user.name;
      memberId = accepted(joinCohort({ user: { id: user.id, email: user.email }, cohortId }), `${member.email} joining the cohort`).memberId;
    });
    for (let position = 1; position <= member.stepsDone; position++) {
      timeline.add(opens(position) + (2 + index) * HOUR, () => {
        const step = steps[position - 1];
        saveAnswer({ memberId, stepId: step.id, answer: sampleAnswer(step.exercise, name) });
      });
    }
  });

  for (let position = 1; opens(position) <= now; position++) {
    const opened = opens(position);
    timeline.add(opened, () => announceRelease(cohortId, steps[position - 1].id, opened));
    const check = opened + DEMO_SCHEDULE.nudgeAfterDays * DAY;
    if (check <= now) timeline.add(check, () => sendDueNudges(cohortId, check));
  }

  planApplications(demo);
}

/** The participant's job applications, logged when they applied and updated when they heard back. */
function planApplications({ now, timeZone, timeline }: DemoContext) {
  const applications = [
    { company: "Lagoon Foods Ltd", role: "Graduate Trainee", appliedDaysAgo: 20, heardDaysAgo: 12, outcome: "rejected" },
    { company: "Eko Logistics", role: "Operations Assistant", appliedDaysAgo: 6, heardDaysAgo: 3, outcome: "interview" },
  ] as const;
  for (const application of applications) {
    const appliedOn = localDateOf(now - application.appliedDaysAgo * DAY, timeZone);
    const values = { company: application.company, role: application.role, appliedOn };
    let id = "";
    timeline.add(localDateTime(appliedOn, 0, 18, timeZone), () => {
      id = addApplication({ userId: idOf(PARTICIPANT), values: { ...values, status: "applied" } });
    });
    timeline.add(now - application.heardDaysAgo * DAY, () => {
      updateApplication({ userId: idOf(PARTICIPANT), id, values: { ...values, status: application.outcome } });
    });
  }
}
