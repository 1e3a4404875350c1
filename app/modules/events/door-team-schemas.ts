import { z } from "zod";

// The organiser's door-team form, checked in the browser and on the server alike.

export const addDoorVolunteerSchema = z.object({
  intent: z.literal("add"),
  email: z
    .string({ error: "Enter the volunteer's email address" })
    .trim()
    .max(254, { error: "Email address must be 254 characters or fewer" })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" })),
  everyEvent: z.boolean().default(false),
});

export const removeDoorVolunteerSchema = z.object({ intent: z.literal("remove"), id: z.string().min(1).max(64) });
