import { parseWithZod } from "@conform-to/zod/v4";
import type { CreateEventInput, EditEventInput } from "~/modules/events/publishing/schemas";
import { createEventSchema, editEventSchema } from "~/modules/events";

/** The fields of the event form as a browser sends them: a workshop in Yaba on 3 December 2026, 10:00 to 13:00 Lagos time. */
export function eventFormFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: "workshop",
    title: "Bouncing back: a resilience workshop",
    slug: "",
    summary: "Practical tools for handling job rejections.",
    description: "Bring a **notebook**.",
    startsAt: "2026-12-03T10:00",
    endsAt: "2026-12-03T13:00",
    format: "in_person",
    venueName: "Harmony Hub, Yaba",
    venueAddress: "14 Herbert Macaulay Way, Yaba, Lagos",
    mapUrl: "https://maps.example.org/harmony-hub",
    joinUrl: "",
    capacity: "20",
    waitlistEnabled: "on",
    registrationOpensAt: "",
    registrationClosesAt: "",
    reminderHoursBefore: "24",
    offerHours: "24",
    ...overrides,
  };
}

type FieldErrors = Record<string, string[] | null | undefined>;

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) if (!(name === "waitlistEnabled" && value === "")) data.append(name, value);
  return data;
}

/** Parses like the route does; returns the field errors, or the value ready for the domain function. */
export function parseCreateForm(fields: Record<string, string>): { value: CreateEventInput | null; errors: FieldErrors } {
  const submission = parseWithZod(formData(fields), { schema: createEventSchema });
  if (submission.status !== "success") return { value: null, errors: submission.reply().error ?? {} };
  return { value: submission.value, errors: {} };
}

export function parseEditForm(fields: Record<string, string>): { value: EditEventInput | null; errors: FieldErrors } {
  const submission = parseWithZod(formData(fields), { schema: editEventSchema });
  if (submission.status !== "success") return { value: null, errors: submission.reply().error ?? {} };
  return { value: submission.value, errors: {} };
}

export function createForm(overrides: Record<string, string> = {}): CreateEventInput {
  const { value, errors } = parseCreateForm(eventFormFields(overrides));
  if (!value) throw new Error(`The test form does not validate: ${JSON.stringify(errors)}`);
  return value;
}

export function editForm(overrides: Record<string, string> = {}): EditEventInput {
  const { value, errors } = parseEditForm(eventFormFields(overrides));
  if (!value) throw new Error(`The test form does not validate: ${JSON.stringify(errors)}`);
  return value;
}
