import { z } from "zod";
import { MENTORING_FORMATS } from "~db/schema/mentoring";
import { splitList } from "./options";

// The two profile forms, shared by the server and the pages: nothing server-only here.

export const MAX_CAPACITY = 10;

const text = (what: string, max: number) => z.string().trim().max(max, `${what} can be at most ${max} characters`).optional().default("");

const typedList = (what: string) =>
  text(what, 400).refine((v) => splitList(v).every((item) => item.length <= 60), { error: `Keep each item in ${what.toLowerCase()} under 60 characters` });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const shared = {
  // A form ticks a handful; a forged one could otherwise store thousands, shown on every mentor card.
  languages: z.array(z.string().trim().max(40)).max(20, "Choose at most 20 languages").optional().default([]),
  otherLanguages: text("Other languages", 200),
  city: text("The city", 80),
  formats: z
    .array(z.enum(MENTORING_FORMATS, { error: "Choose ways of meeting from the list" }), { error: "Choose at least one way of meeting" })
    .min(1, "Choose at least one way of meeting")
    .transform((formats) => [...new Set(formats)]),
  slots: z.array(z.string().regex(/^[0-6]-(morning|afternoon|evening)$/, "Choose times from the grid")).optional().default([]),
  timeZone: z
    .string({ error: "Enter your time zone" })
    .trim()
    .min(1, "Enter your time zone")
    .refine(isTimeZone, { error: "Enter a time zone like Africa/Lagos or Europe/London" })
    // Zones match in any letter case ("africa/lagos"); store the standard spelling, which pages show.
    .transform((value) => (isTimeZone(value) ? new Intl.DateTimeFormat("en-GB", { timeZone: value }).resolvedOptions().timeZone : value)),
};

const hasLanguage = (value: { languages: string[]; otherLanguages: string }) => value.languages.length > 0 || splitList(value.otherLanguages).length > 0;

// Runs even when other fields fail, so every problem is listed at once.
const languageRule = {
  path: ["languages"],
  message: "Choose at least one language",
  when: (payload: z.core.ParsePayload) => payload.issues.every((issue) => !["languages", "otherLanguages"].includes(String(issue.path?.[0]))),
};

export const menteeProfileSchema = z
  .object({
    targetRoles: typedList("Roles you are aiming for"),
    industries: typedList("Industries"),
    goals: text("Your goals", 2000),
    ...shared,
  })
  .refine(hasLanguage, languageRule);

export const mentorProfileSchema = z
  .object({
    headline: z.string({ error: "Enter a headline" }).trim().min(1, "Enter a headline").max(120, "The headline can be at most 120 characters"),
    bio: text("About you", 3000),
    industries: typedList("Industries"),
    skills: typedList("Skills"),
    ...shared,
    remote: z.boolean().optional().default(false),
    capacity: z.coerce
      .number({ error: "Enter how many mentees you can take" })
      .int("Enter a whole number")
      .min(0, `Enter a number from 0 to ${MAX_CAPACITY}`)
      .max(MAX_CAPACITY, `Enter a number from 0 to ${MAX_CAPACITY}`),
    accepting: z.boolean().optional().default(false),
  })
  .refine(hasLanguage, languageRule);

export type MenteeProfileInput = z.infer<typeof menteeProfileSchema>;
export type MentorProfileInput = z.infer<typeof mentorProfileSchema>;

export const reviewMentorSchema = z.object({
  intent: z.enum(["approve", "reject"], { error: "Choose approve or reject" }),
  userId: z.string({ error: "Choose a mentor" }).min(1, "Choose a mentor"),
});
