import { z } from "zod";

// Messages to chosen groups (ADR 0033). Shared by the server and the browser, so nothing here may
// import server code.

/** The groups of an event (or of every session of a series). */
export const EVENT_GROUPS = ["registered", "waitlisted", "checked-in", "no-show"] as const;
export type EventGroup = (typeof EVENT_GROUPS)[number];

/** The group organisers pick first; the fields each needs follow it. */
export const AUDIENCE_GROUPS = [
  "event-registered",
  "event-waitlisted",
  "event-checked-in",
  "event-no-show",
  "cohort-members",
  "cohort-stuck",
  "mentors",
  "mentees-without-mentor",
  "quiet-pairs",
  "campaign-sponsors",
  "news",
] as const;
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number];

export const AUDIENCE_GROUP_LABELS: Record<AudienceGroup, string> = {
  "event-registered": "Registered for an event (a confirmed seat)",
  "event-waitlisted": "Waiting for a seat at an event",
  "event-checked-in": "Checked in at an event",
  "event-no-show": "Registered for an event but did not come",
  "cohort-members": "Members of a cohort",
  "cohort-stuck": "Cohort members stuck on a step",
  mentors: "All mentors",
  "mentees-without-mentor": "Mentees without a mentor",
  "quiet-pairs": "Mentoring pairs with no session for some weeks",
  "campaign-sponsors": "Sponsors of a campaign",
  news: "Everyone who agreed to news",
};

const rowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const count = (max: number) => z.number().int().min(1).max(max);

export const MAX_STEP = 100;
export const MAX_DAYS = 365;
export const MAX_WEEKS = 52;

/** A group as it is kept with the message and resolved again when it goes out. */
export const audienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("event"), group: z.enum(EVENT_GROUPS), eventId: rowId }),
  z.object({ kind: z.literal("series"), group: z.enum(EVENT_GROUPS), seriesId: rowId }),
  z.object({ kind: z.literal("cohort-members"), cohortId: rowId }),
  z.object({ kind: z.literal("cohort-stuck"), cohortId: rowId, step: count(MAX_STEP), days: count(MAX_DAYS) }),
  z.object({ kind: z.literal("mentors") }),
  z.object({ kind: z.literal("mentees-without-mentor") }),
  z.object({ kind: z.literal("quiet-pairs"), weeks: count(MAX_WEEKS) }),
  z.object({ kind: z.literal("campaign-sponsors"), campaignId: rowId }),
  z.object({ kind: z.literal("news") }),
]);
export type Audience = z.infer<typeof audienceSchema>;

export const SUBJECT_MAX = 120;
export const BODY_MAX = 1000;
const LINK_MAX = 500;

/** A path on this site ("/events/cv-clinic") or a full https address; checked again on the server. */
const LINK = /^(\/(?!\/)[^\s\\]*|https?:\/\/[^\s\\]+)$/i;

const optionalNumber = (max: number, message: string) => z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(max, { error: message }).optional();
const optionalChoice = z.string().trim().max(80).optional();

/**
 * The message form. It shows every field (it works without JavaScript), and checks only the ones
 * the chosen group needs; `intent` says which button was pressed.
 */
export const messageFormSchema = z
  .object({
    intent: z.enum(["check", "send", "schedule"], { error: "Choose what to do with the message" }),
    subject: z.string({ error: "Enter a subject" }).trim().min(1, { error: "Enter a subject" }).max(SUBJECT_MAX, { error: `Use ${SUBJECT_MAX} characters or fewer` }),
    body: z.string({ error: "Enter the message" }).trim().min(1, { error: "Enter the message" }).max(BODY_MAX, { error: `Use ${BODY_MAX} characters or fewer: a short message reads better on a phone` }),
    link: z.string().trim().max(LINK_MAX, { error: `Use ${LINK_MAX} characters or fewer` }).regex(LINK, { error: "Enter a page of this site starting with /, or a full address starting with https://" }).optional(),
    group: z.enum(AUDIENCE_GROUPS, { error: "Choose who to write to" }),
    event: optionalChoice,
    cohort: optionalChoice,
    step: optionalNumber(MAX_STEP, `Enter a step number from 1 to ${MAX_STEP}`),
    days: optionalNumber(MAX_DAYS, `Enter a number of days from 1 to ${MAX_DAYS}`),
    weeks: optionalNumber(MAX_WEEKS, `Enter a number of weeks from 1 to ${MAX_WEEKS}`),
    campaign: optionalChoice,
    sendAt: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: "Enter a date and time, like 03/12/2026 14:30" }).optional(),
  })
  .superRefine((form, issues) => {
    const need = (field: keyof typeof form, message: string) => {
      if (form[field] === undefined || form[field] === "") issues.addIssue({ code: "custom", path: [field], message });
    };
    if (form.group.startsWith("event-")) need("event", "Choose an event or a series");
    if (form.group === "cohort-members" || form.group === "cohort-stuck") need("cohort", "Choose a cohort");
    if (form.group === "cohort-stuck") {
      need("step", "Enter the step number");
      need("days", "Enter how many days they have been on it");
    }
    if (form.group === "quiet-pairs") need("weeks", "Enter how many weeks without a session");
    if (form.group === "campaign-sponsors") need("campaign", "Choose a campaign");
    if (form.intent === "schedule") need("sendAt", "Enter when to send it");
  });
export type MessageForm = z.infer<typeof messageFormSchema>;

/** The fields the message form sends, with the most of each kept when they come back by GET. */
const FORM_FIELDS = { subject: SUBJECT_MAX, body: BODY_MAX, link: LINK_MAX, group: 40, event: 80, cohort: 80, step: 10, days: 10, weeks: 10, campaign: 80, sendAt: 25 } as const;
export type MessageFormValues = Partial<Record<keyof typeof FORM_FIELDS, string>>;

export const LONGEST_FIND = 100;

/**
 * The message form as its Find button sends it (a GET, so it works without JavaScript): the text
 * to narrow the lists of events, cohorts and campaigns by, and what was typed, to fill the form
 * in again. Nothing here is trusted: the form is checked when it is posted.
 */
export function readMessageQuery(params: URLSearchParams): { find: string; values: MessageFormValues } {
  const values: MessageFormValues = {};
  for (const [name, longest] of Object.entries(FORM_FIELDS) as [keyof typeof FORM_FIELDS, number][]) {
    const value = params.get(name);
    if (value) values[name] = value.slice(0, longest);
  }
  return { find: (params.get("find") ?? "").trim().slice(0, LONGEST_FIND), values };
}

/** The group the form describes, or null when a choice in it is not one the form offers. */
export function audienceFromForm(form: MessageForm): Audience | null {
  const event = /^(event|series):(.+)$/.exec(form.event ?? "");
  const candidate = (() => {
    switch (form.group) {
      case "event-registered":
      case "event-waitlisted":
      case "event-checked-in":
      case "event-no-show": {
        const group = form.group.slice("event-".length);
        if (!event) return null;
        return event[1] === "event" ? { kind: "event", group, eventId: event[2] } : { kind: "series", group, seriesId: event[2] };
      }
      case "cohort-members":
        return { kind: form.group, cohortId: form.cohort };
      case "cohort-stuck":
        return { kind: form.group, cohortId: form.cohort, step: form.step, days: form.days };
      case "quiet-pairs":
        return { kind: form.group, weeks: form.weeks };
      case "campaign-sponsors":
        return { kind: form.group, campaignId: form.campaign };
      default:
        return { kind: form.group };
    }
  })();
  const parsed = audienceSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** The form field a refusal about the group belongs next to. */
export function audienceField(group: AudienceGroup): "event" | "cohort" | "campaign" | "group" {
  if (group.startsWith("event-")) return "event";
  if (group.startsWith("cohort-")) return "cohort";
  if (group === "campaign-sponsors") return "campaign";
  return "group";
}

export const cancelBroadcastSchema = z.object({ intent: z.literal("cancel") });
