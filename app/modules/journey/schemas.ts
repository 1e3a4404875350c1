import { z } from "zod";
import { JOB_HOURS, OUTCOME_KINDS, type JobHours, type OutcomeKind, type OutcomeSource } from "~db/schema";

export { JOB_HOURS, OUTCOME_KINDS };

// The journey area's forms: an outcome, a story and its consent, a follow-up answer, the follow-up
// schedule. Shared by the server and the page.

export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  job: "Got a job",
  internship: "Started an internship or apprenticeship",
  study: "Went back to study or training",
  business: "Started a business or freelance work",
  searching: "Still searching",
};
export const OUTCOME_KIND_OPTIONS = OUTCOME_KINDS.map((value) => ({ value, label: OUTCOME_KIND_LABELS[value] }));

export const JOB_HOURS_LABELS: Record<JobHours, string> = { full_time: "Full time", part_time: "Part time" };
export const JOB_HOURS_OPTIONS = [{ value: "", label: "Choose one" }, ...JOB_HOURS.map((value) => ({ value, label: JOB_HOURS_LABELS[value] }))];

export const OUTCOME_SOURCE_LABELS: Record<OutcomeSource, string> = {
  self: "said by the person",
  organiser: "recorded by an organiser",
  follow_up: "answered a follow-up",
  tracker: "from the application tracker",
};

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const optionalText = (what: string, max: number) => z.string().trim().max(max, `The ${what} can be at most ${max} characters`).optional().default("");

export const outcomeFields = {
  kind: z.enum(OUTCOME_KINDS, { error: "Choose where you are now" }),
  employer: optionalText("employer or organisation", 120),
  sector: optionalText("sector", 80),
  hours: z.enum(JOB_HOURS, { error: "Choose full time or part time" }).optional(),
  startedOn: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || isCalendarDate(value), { error: "Enter the start date as a real date, like 2026-12-01" }),
  /** The form was filled from an offer in the application tracker. */
  fromTracker: z.boolean().optional().default(false),
};

/** Where a person is now. Jobs say full or part time; "still searching" has no start date. */
export const outcomeSchema = z.object(outcomeFields).superRefine((value, context) => {
  if (value.kind === "job" && !value.hours) context.addIssue({ code: "custom", path: ["hours"], message: "Choose full time or part time" });
  if (value.kind !== "searching" && !value.sector) context.addIssue({ code: "custom", path: ["sector"], message: "Enter the sector, like banking or health" });
  if (value.kind === "searching" && value.startedOn) context.addIssue({ code: "custom", path: ["startedOn"], message: "Leave the start date empty while you are still searching" });
});
export type OutcomeValues = z.infer<typeof outcomeSchema>;

export const STORY_MAX = 1200;

const storyFields = {
  story: z.string().trim().max(STORY_MAX, `Your story can be at most ${STORY_MAX} characters`).optional().default(""),
  mayQuote: z.boolean().optional().default(false),
  byName: z.boolean().optional().default(false),
};

const storyRules = (value: { story: string; mayQuote: boolean; byName: boolean }, context: z.RefinementCtx, required: boolean) => {
  if (required && !value.story) context.addIssue({ code: "custom", path: ["story"], message: "Write what helped you most" });
  if (!value.story && value.mayQuote) context.addIssue({ code: "custom", path: ["story"], message: "Write a few words before agreeing that we quote them" });
  if (value.byName && !value.mayQuote) context.addIssue({ code: "custom", path: ["byName"], message: "Agree that we may quote you before choosing to be named" });
};

/** The person's own words on what helped most, and how far they may be shown. */
export const storySchema = z.object({ intent: z.literal("story"), ...storyFields }).superRefine((value, context) => storyRules(value, context, true));
export type StoryValues = { story: string; mayQuote: boolean; byName: boolean };

export const withdrawStorySchema = z.object({ intent: z.literal("withdraw-story") });

/** The one-page answer to "where are you now?": an outcome, and a story if they wish. */
export const followUpAnswerSchema = z
  .object({ ...outcomeFields, ...storyFields })
  .superRefine((value, context) => {
    outcomeSchema.safeParse(value).error?.issues.forEach((issue) => context.addIssue({ code: "custom", path: issue.path as string[], message: issue.message }));
    storyRules(value, context, false);
  });

export const featureStorySchema = z.object({ id: z.string().min(1), feature: z.enum(["on", "off"]) });

/** The organisation's follow-up schedule, typed as months separated by commas. */
export const followUpMonthsSchema = z.object({
  intent: z.literal("follow-up-months"),
  followUpMonths: z
    .string({ error: "Enter at least one number of months, like 3, 6, 12" })
    .trim()
    .transform((text, context) => {
      const parts = text.split(/[\s,]+/).filter(Boolean);
      const months = parts.map(Number);
      if (!parts.length || months.some((n) => !Number.isInteger(n) || n < 1 || n > 36)) {
        context.addIssue({ code: "custom", message: "Enter whole numbers of months from 1 to 36, separated by commas, like 3, 6, 12" });
        return z.NEVER;
      }
      if (months.length > 6) {
        context.addIssue({ code: "custom", message: "Ask at most six times" });
        return z.NEVER;
      }
      return [...new Set(months)].sort((a, b) => a - b);
    }),
});
