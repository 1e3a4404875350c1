import { z } from "zod";

// Shared by the server and the browser, so nothing here may import server code.

/** Shown once after a log-in that stopped a scheduled erasure. */
export const ACCOUNT_KEPT = "Welcome back. Your account will not be deleted.";

/** The person's "delete my account" form: their password, as for any change that cannot be undone. */
export const deleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(128, "Passwords are at most 128 characters"),
});

/** An organiser erasing someone on their request: why, and that they understand it is final. */
export const eraseOnRequestSchema = z.object({
  reason: z
    .string({ error: "Say how the person asked, for the record" })
    .trim()
    .min(5, "Say how the person asked, for the record (at least 5 characters)")
    .max(1000, "The reason is at most 1,000 characters"),
  // conform turns a ticked box into true and leaves an unticked one out.
  confirm: z.boolean({ error: "Tick the box to confirm that this cannot be undone" }).refine((ticked) => ticked, { error: "Tick the box to confirm that this cannot be undone" }),
});
