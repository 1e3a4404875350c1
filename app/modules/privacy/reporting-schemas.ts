import { z } from "zod";
import type { RequestKind, RequestStatus } from "~db/schema";

// Shared by the server and the browser, so nothing here may import server code (types only).

/** NDPA s.34: a data subject's request is answered within 30 days of receiving it. */
export const REQUEST_RESPONSE_DAYS = 30;

/** NDPA s.40(2): the Commission is told within 72 hours of a breach being found. */
export const BREACH_NOTIFY_HOURS = 72;

/** Every kind of request, in the order organisers choose them. */
export const REQUEST_KIND_OPTIONS = ["access", "rectification", "erasure", "objection", "restriction", "portability"] as const satisfies readonly RequestKind[];
// Fails to compile when a kind is added to the schema but not listed above.
const _allKindsListed: Exclude<RequestKind, (typeof REQUEST_KIND_OPTIONS)[number]> extends never ? true : never = true;
void _allKindsListed;

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  access: "Access (a copy of their data)",
  erasure: "Erasure",
  rectification: "Correction",
  objection: "Objection to a use",
  restriction: "Restriction of a use",
  portability: "Portability (data to take elsewhere)",
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  open: "Open",
  scheduled: "Erasure scheduled",
  completed: "Completed",
  refused: "Refused",
  cancelled: "Cancelled",
};


const TEXT_MAX = 2000;

const requiredText = (missing: string, max = TEXT_MAX, tooLong = `Use ${max} characters or fewer`) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: tooLong });

const optionalText = (max = TEXT_MAX) => z.string().trim().max(max, { error: `Use ${max} characters or fewer` }).optional();

/** `<input type="date">`: "2026-12-03". */
const optionalDate = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message })
    .optional();

/** `<input type="datetime-local">`: "2026-12-03T14:30". */
const optionalDateTime = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: message })
    .optional();

export const newRequestSchema = z.object({
  kind: z.enum(REQUEST_KIND_OPTIONS, { error: "Choose what the person is asking for" }),
  requesterName: requiredText("Enter the name of the person asking", 200),
  requesterContact: requiredText("Enter how to reach them: an email address, phone number or postal address", 500),
  details: optionalText(),
  receivedOn: optionalDate("Enter the date like 2026-12-03"),
});

export const requestNotesSchema = z.object({
  intent: z.literal("notes"),
  notes: optionalText(),
});

export const completeRequestSchema = z.object({
  intent: z.literal("complete"),
  outcome: requiredText("Say what was done for the person"),
});

export const refuseRequestSchema = z.object({
  intent: z.literal("refuse"),
  reason: requiredText("Give the reason for refusing: the person must be told why"),
});

export const newBreachSchema = z.object({
  summary: requiredText("Say what happened"),
  foundAt: optionalDateTime("Enter the date and time it was found, like 2026-12-03T14:30"),
  occurredAt: optionalDateTime("Enter the date and time it happened, like 2026-12-03T14:30"),
  affected: optionalText(),
  affectedCount: z.coerce
    .number({ error: "Enter a whole number of people, like 40" })
    .int({ error: "Enter a whole number of people, like 40" })
    .min(0, { error: "Enter a whole number of people, like 40" })
    .max(100_000_000, { error: "Enter a whole number of people, like 40" })
    .optional(),
  actions: optionalText(),
});

export const breachNotifiedSchema = z.object({
  intent: z.enum(["regulator-notified", "people-notified"], { error: "Choose who was told" }),
  at: optionalDateTime("Enter the date and time, like 2026-12-03T14:30"),
});

export const breachActionsSchema = z.object({
  intent: z.literal("actions"),
  affected: optionalText(),
  actions: optionalText(),
});

export const closeBreachSchema = z.object({
  intent: z.literal("close"),
});
