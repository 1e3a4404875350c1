import { z } from "zod";

// The second-factor forms, checked alike in the browser and on the server.

const codeField = z
  .string({ error: "Enter the code from your authenticator app, or a recovery code" })
  .trim()
  .max(40, { error: "Enter the code from your authenticator app, or a recovery code" });

const passwordField = z.string({ error: "Enter your password" }).max(1024, { error: "Enter your password" });

/** The log-in's second step and the step-up page: a six-digit code or a recovery code. */
export const secondFactorCodeSchema = z.object({
  code: codeField,
  redirectTo: z.string().max(500).optional(),
});

export const startTotpSchema = z.object({ intent: z.literal("start"), password: passwordField });

export const confirmTotpSchema = z.object({
  intent: z.literal("confirm"),
  code: z
    .string({ error: "Enter the six-digit code your app shows" })
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, { error: "Enter the six digits your app shows, like 123456" }),
});

export const removeTotpSchema = z.object({ intent: z.literal("remove"), password: passwordField });
