import { z } from "zod";
import { birthDateField } from "./consent-schemas";

// Shared by the server and the browser, so nothing here may import server code.

const NAME_MAX = 100;
const EMAIL_MAX = 254;

const nameField = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(NAME_MAX, { error: `Name must be ${NAME_MAX} characters or fewer` });

/** A person correcting the name on their own account. */
export const changeNameSchema = z.object({
  intent: z.literal("change-name"),
  name: nameField("Enter your name"),
});

/** An organiser correcting a person's name or email address at their request (NDPA s.35). */
export const rectifyPersonSchema = z.object({
  intent: z.literal("rectify"),
  name: nameField("Enter the person's name"),
  email: z
    .string({ error: "Enter the person's email address" })
    .trim()
    .max(EMAIL_MAX, { error: `Email address must be ${EMAIL_MAX} characters or fewer` })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" })),
  // Left empty when the person gave none (mentors, sponsors, accounts from before it was asked).
  birthDate: birthDateField.optional(),
});
