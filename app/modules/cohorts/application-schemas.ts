import { z } from "zod";
import { isLocalDate } from "./schedule";
import { APPLICATION_STATUSES } from "~/modules/curriculum";

// The application tracker's forms. Shared by the server and the page.

export const APPLICATION_STATUS_LABELS: Record<(typeof APPLICATION_STATUSES)[number], string> = {
  applied: "Applied",
  interview: "Interview",
  offer: "Offer",
  rejected: "Rejected",
  hired: "Hired",
};

export const APPLICATION_STATUS_OPTIONS = APPLICATION_STATUSES.map((value) => ({ value, label: APPLICATION_STATUS_LABELS[value] }));

const text = (what: string, max: number) =>
  z.string({ error: `Enter the ${what}` }).trim().min(1, `Enter the ${what}`).max(max, `The ${what} can be at most ${max} characters`);

const applicationFields = {
  company: text("company or organisation", 120),
  role: text("job title", 120),
  appliedOn: z
    .string({ error: "Enter the date you applied" })
    .trim()
    .refine(isLocalDate, { error: "Enter the date you applied as a real date, like 2026-12-01" }),
  status: z.enum(APPLICATION_STATUSES, { error: "Choose where this application stands" }),
};

export const addApplicationSchema = z.object({ intent: z.literal("add-application"), ...applicationFields });
export const updateApplicationSchema = z.object({ intent: z.literal("update-application"), id: z.string().min(1), ...applicationFields });
export const deleteApplicationSchema = z.object({ intent: z.literal("delete-application"), id: z.string().min(1) });

export type ApplicationValues = z.infer<z.ZodObject<typeof applicationFields>>;
