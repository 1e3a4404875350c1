import { formatDate, formatDateTime } from "~/utils/dates";
import { renderMarkdown } from "~/utils/markdown.server";
import type { StoredAnswer } from "./answers.server";
import { listApplications } from "./applications.server";
import { localDateTime } from "./schedule";
import { readAnswer, renderEmailDraft, type JournalEntry, type ExerciseDefinition } from "~/modules/curriculum";
import { getOrganisation } from "~/modules/organisation/index.server";

type Step = { title: string; summary: string; body: string; readingMinutes: number; exercise: ExerciseDefinition };

/**
 * What a step page shows once the step is open: the text as safe HTML, the exercise and the
 * viewer's own answer (or none, in the organisers' preview).
 */
export function stepView({ step, answer, userId, timeZone }: { step: Step; answer: StoredAnswer | null; userId: string | null; timeZone: string }) {
  const exercise = step.exercise;
  const current = readAnswer(exercise, answer?.answer) as Record<string, unknown>;
  const draft =
    exercise.kind === "email_draft" && answer?.completedAt
      ? renderEmailDraft(exercise, (current.values ?? {}) as Record<string, string>)
      : null;
  const entries =
    exercise.kind === "journal"
      ? ((current.entries ?? []) as JournalEntry[])
          .slice()
          .reverse()
          .map((entry) => ({ id: entry.id, when: formatDateTime(entry.at, timeZone), values: entry.values }))
      : [];
  const applications =
    exercise.kind === "application_tracker" && userId
      ? listApplications(userId).map((a) => ({
          id: a.id,
          company: a.company,
          role: a.role,
          appliedOn: a.appliedOn,
          appliedOnLabel: formatDate(localDateTime(a.appliedOn, 0, 12, timeZone), timeZone),
          status: a.status,
        }))
      : [];
  return {
    title: step.title,
    summary: step.summary,
    readingMinutes: step.readingMinutes,
    bodyHtml: renderMarkdown(withHelpLines(step.body, getOrganisation().helpLines)),
    exercise,
    // Journals keep their entries apart; the form itself only edits the other kinds.
    answer: exercise.kind === "journal" ? {} : current,
    draft,
    entries,
    applications,
    completedAt: answer?.completedAt ? formatDateTime(answer.completedAt, timeZone) : null,
  };
}

const HELP_LINES_PLACEHOLDER = "{{help_lines}}";

/**
 * Steps may write `{{help_lines}}` where the organisation's help lines (set in its settings, one
 * per line) belong; each line becomes a list item, escaped as plain text.
 */
export function withHelpLines(body: string, helpLines: string): string {
  if (!body.includes(HELP_LINES_PLACEHOLDER)) return body;
  const lines = helpLines
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `- ${line.replace(/([\\`*_[\]{}()#+\-.!<>|])/g, "\\$1")}`);
  const list = lines.length ? lines.join("\n") : "- Ask your programme facilitator: the organisers have not listed help lines yet.";
  return body.split(HELP_LINES_PLACEHOLDER).join(list);
}
