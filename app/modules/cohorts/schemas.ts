import { z } from "zod";
import type { ReleaseSchedule } from "./schedule";
import { isLocalDate } from "./schedule";

// Organisers' cohort forms. Shared by the server and the page: no server imports here.

export const SCHEDULE_KINDS = ["interval", "weekly", "dates"] as const;
export const SCHEDULE_LABELS: Record<(typeof SCHEDULE_KINDS)[number], string> = {
  interval: "One step every few days",
  weekly: "One step a week, on a chosen day",
  dates: "A date for each step",
};
const MAX_CAPACITY = 1000;

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${what}` })
    .int(`Enter ${what} as a whole number`)
    .min(min, `Enter ${what} from ${min} to ${max}`)
    .max(max, `Enter ${what} from ${min} to ${max}`);

const localDate = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .refine(isLocalDate, { error: `Enter ${what} as a real date, like 2026-12-01` });

const cohortFields = {
  intent: z.literal("save"),
  name: z.string({ error: "Enter the cohort's name" }).trim().min(1, "Enter the cohort's name").max(120, "The name can be at most 120 characters"),
  startDate: localDate("the start date"),
  scheduleKind: z.enum(SCHEDULE_KINDS, { error: "Choose how steps open" }),
  everyDays: whole("the number of days between steps", 1, 60).optional(),
  weekday: whole("a day of the week", 0, 6).optional(),
  hour: whole("the hour steps open", 0, 23),
  dates: z.array(z.string().trim().optional()).optional(),
  facilitatorId: z.string().trim().optional(),
  capacity: whole("the number of places", 1, MAX_CAPACITY),
  nudgeAfterDays: whole("the number of days before a reminder (0 for none)", 0, 60),
};

type CohortFields = z.infer<z.ZodObject<typeof cohortFields>>;

function checkSchedule(value: CohortFields, ctx: z.RefinementCtx) {
  if (value.scheduleKind === "interval" && value.everyDays === undefined)
    ctx.addIssue({ code: "custom", path: ["everyDays"], message: "Enter the number of days between steps" });
  if (value.scheduleKind === "weekly" && value.weekday === undefined)
    ctx.addIssue({ code: "custom", path: ["weekday"], message: "Choose the day of the week steps open" });
  if (value.scheduleKind === "dates") {
    const dates = value.dates ?? [];
    let previous = "";
    let any = false;
    dates.forEach((date, index) => {
      if (!date) return;
      any = true;
      if (!isLocalDate(date)) ctx.addIssue({ code: "custom", path: ["dates", index], message: `Enter step ${index + 1}'s date as a real date` });
      else if (previous && date < previous)
        ctx.addIssue({ code: "custom", path: ["dates", index], message: `Step ${index + 1}'s date is before an earlier step's date` });
      else previous = date;
    });
    if (!any) ctx.addIssue({ code: "custom", path: ["dates", 0], message: "Enter a date for at least the first step" });
  }
}

export const cohortSettingsSchema = z.object(cohortFields).superRefine(checkSchedule);

export const createCohortSchema = z
  .object({ ...cohortFields, curriculumId: z.string({ error: "Choose a curriculum" }).min(1, "Choose a curriculum") })
  .superRefine(checkSchedule);

export type CohortSettings = z.infer<typeof cohortSettingsSchema>;

export function scheduleFrom(value: CohortSettings): ReleaseSchedule {
  switch (value.scheduleKind) {
    case "interval":
      return { kind: "interval", everyDays: value.everyDays!, hour: value.hour };
    case "weekly":
      return { kind: "weekly", weekday: value.weekday!, hour: value.hour };
    case "dates":
      return { kind: "dates", dates: (value.dates ?? []).map((d) => d ?? ""), hour: value.hour };
  }
}

/** A join code as people type it: any case, with spaces or dashes. */
export function normaliseJoinCode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export const inviteMembersSchema = z.object({
  intent: z.literal("invite"),
  emails: z
    .string({ error: "Enter at least one email address" })
    .trim()
    .min(1, "Enter at least one email address")
    .max(20_000)
    .transform((text) => [...new Set(text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))])
    .superRefine((emails, ctx) => {
      const bad = emails.find((e) => !z.email().safeParse(e).success);
      if (bad) ctx.addIssue({ code: "custom", message: `“${bad}” is not an email address like name@example.com` });
      if (emails.length > 100) ctx.addIssue({ code: "custom", message: "Invite at most 100 people at a time" });
    }),
});

export const addFromEventSchema = z.object({
  intent: z.literal("add-from-event"),
  eventId: z.string({ error: "Choose an event" }).min(1, "Choose an event"),
});

export const joinSchema = z.object({ intent: z.literal("join") });
