import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { sharedStepAnswers } from "~db/schema";
import { formatDateTime } from "~/utils/dates";
import { mentorshipForViewer, type ViewerMentorship } from "./mentorships.server";
import { readableAnswersFor } from "./shared-steps.server";
import { membershipsOf } from "~/modules/cohorts/index.server";
import { readAnswer, renderEmailDraft, type JournalEntry, type ExerciseDefinition } from "~/modules/curriculum";
import { stepsOf, type CurriculumStep } from "~/modules/curriculum/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { clock } from "~/utils/clock.server";

type AnswerLine = { label: string; value: string };
type ShareResult = Outcome<{ message: string }>;

function sharedRows(mentorshipId: string) {
  return db.select().from(sharedStepAnswers).where(eq(sharedStepAnswers.mentorshipId, mentorshipId)).all();
}

/** The mentee's steps that have an answer, cohort by cohort, each marked shared with this mentorship or not. */
export function shareableStepsFor(pair: ViewerMentorship) {
  const menteeId = pair.mentee.id;
  const shared = new Set(sharedRows(pair.mentorship.id).map((r) => `${r.memberId}:${r.stepId}`));
  return membershipsOf(menteeId)
    .map(({ member, cohort }) => {
      const answers = readableAnswersFor(menteeId, member.id);
      const steps = stepsOf(cohort.curriculumId)
        .filter((step) => answers.has(step.id))
        .map((step) => ({ stepId: step.id, position: step.position, title: step.title, shared: shared.has(`${member.id}:${step.id}`) }));
      return { memberId: member.id, cohortName: cohort.name, steps };
    })
    .filter((cohort) => cohort.steps.length > 0);
}

function menteeMembership(userId: string, memberId: string) {
  return membershipsOf(userId).find((m) => m.member.id === memberId);
}

/** The mentee shows one answered step to their mentor. */
export function shareStep({ mentorshipId, userId, memberId, stepId }: { mentorshipId: string; userId: string; memberId: string; stepId: string }): ShareResult {
  const now = clock.now();
  const pair = mentorshipForViewer(mentorshipId, userId);
  if (pair.role !== "mentee") return refuse("Only the mentee shares their step answers.");
  if (pair.mentorship.status !== "active") return refuse("This mentorship is not active, so nothing can be shared with it.");
  const membership = menteeMembership(userId, memberId);
  if (!membership || !readableAnswersFor(userId, memberId).has(stepId)) return refuse("You can share only steps you have answered.");
  db.insert(sharedStepAnswers).values({ mentorshipId, memberId, stepId, sharedAt: now }).onConflictDoNothing().run();
  return { ok: true, message: `Shared with ${pair.mentor.name}. You can withdraw it at any time.` };
}

/** The mentee takes a shared step back; the mentor no longer sees it. */
export function withdrawStep({ mentorshipId, userId, memberId, stepId }: { mentorshipId: string; userId: string; memberId: string; stepId: string }): ShareResult {
  const pair = mentorshipForViewer(mentorshipId, userId);
  if (pair.role !== "mentee") return refuse("Only the mentee shares their step answers.");
  db.delete(sharedStepAnswers)
    .where(and(eq(sharedStepAnswers.mentorshipId, mentorshipId), eq(sharedStepAnswers.memberId, memberId), eq(sharedStepAnswers.stepId, stepId)))
    .run();
  return { ok: true, message: `Withdrawn. ${pair.mentor.name} no longer sees that answer.` };
}

function fieldsText(fields: { key: string; label: string }[], values: Record<string, string>): string {
  return fields.map((f) => `${f.label}: ${values[f.key] ?? ""}`).join("\n");
}

/** An answer as label and text pairs, for reading only. */
function answerLines(exercise: ExerciseDefinition, stored: Record<string, unknown>, timeZone: string): AnswerLine[] {
  const answer = readAnswer(exercise, stored) as Record<string, unknown>;
  switch (exercise.kind) {
    case "reflection": {
      const values = answer.values as Record<string, string>;
      return exercise.prompts.map((p) => ({ label: p.label, value: values[p.key] ?? "" }));
    }
    case "email_draft": {
      const draft = renderEmailDraft(exercise, answer.values as Record<string, string>);
      return [
        { label: "Subject", value: draft.subject },
        { label: "Email", value: draft.body },
      ];
    }
    case "list":
      return (answer.items as Record<string, string>[]).map((item, i) => ({ label: `${exercise.itemLabel} ${i + 1}`, value: fieldsText(exercise.fields, item) }));
    case "rating_text":
      return [
        { label: exercise.ratingLabel, value: answer.rating === null ? "Not given" : `${String(answer.rating)} of 5` },
        { label: exercise.textPrompt.label, value: String(answer.text ?? "") },
      ];
    case "future_note":
      return [{ label: exercise.prompt.label, value: String(answer.text ?? "") }];
    case "journal":
      return (answer.entries as JournalEntry[]).map((e) => ({ label: formatDateTime(e.at, timeZone), value: fieldsText(exercise.fields, e.values) }));
    case "application_tracker":
      return [{ label: "Applications logged", value: String(typeof stored.applications === "number" ? stored.applications : 0) }];
  }
}

/**
 * What the mentor reads: the steps shared with this active mentorship, through the answers'
 * one door (`readableAnswersFor`), so withdrawing or ending hides them at once.
 */
export function sharedAnswersForMentor(pair: ViewerMentorship, viewerId: string, timeZone: string) {
  if (pair.role !== "mentor" || pair.mentorship.status !== "active") return [];
  const rows = sharedRows(pair.mentorship.id);
  if (!rows.length) return [];
  return membershipsOf(pair.mentee.id).flatMap(({ member, cohort }) => {
    const mine = new Set(rows.filter((r) => r.memberId === member.id).map((r) => r.stepId));
    if (!mine.size) return [];
    const answers = readableAnswersFor(viewerId, member.id);
    return stepsOf(cohort.curriculumId)
      .filter((step: CurriculumStep) => mine.has(step.id) && answers.has(step.id))
      .map((step) => {
        const stored = answers.get(step.id)!;
        return {
          key: `${member.id}:${step.id}`,
          cohortName: cohort.name,
          position: step.position,
          title: step.title,
          completedAt: stored.completedAt ? formatDateTime(stored.completedAt, timeZone) : null,
          lines: answerLines(step.exercise, stored.answer, timeZone),
        };
      });
  });
}
