import { z } from "zod";
import { NOTIFICATION_KINDS } from "~emails/notification-kinds";

/** The organisers' "Try again" button on a message that could not be delivered. */
export const retrySchema = z.object({ id: z.string().trim().min(1).max(64) });

/** The preferences form: a checkbox per kind of email, ticked for the kinds the person wants. */
export const notificationPreferencesSchema = z.object({
  intent: z.literal("save", { error: "Use the form on this page to save your choices." }),
  on: z.array(z.enum(NOTIFICATION_KINDS)).default([]),
});
