import { z } from "zod";
import { agreementFields, participantFields } from "./consent-schemas";

// Limits shared with the server's password module; repeated here because this file runs in the
// browser, where the server module (and its list of common passwords) must not be bundled.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
const NAME_MAX = 100;
const EMAIL_MAX = 254;

const emailField = (missing = "Enter your email address") =>
  z
    .string({ error: missing })
    .trim()
    .max(EMAIL_MAX, { error: `Email address must be ${EMAIL_MAX} characters or fewer` })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }));

/** A password being chosen: length only, no composition rules (the server also refuses common ones). */
const newPasswordField = (missing = "Enter a password") =>
  z
    .string({ error: missing })
    .min(PASSWORD_MIN, { error: `Password must be ${PASSWORD_MIN} characters or more` })
    .max(PASSWORD_MAX, { error: `Password must be ${PASSWORD_MAX} characters or fewer` });

/** A password being typed to prove who you are: never judged, only required. */
const currentPasswordField = (missing: string) => z.string({ error: missing }).max(1024, { error: missing });

export const signupSchema = z.object({
  name: z
    .string({ error: "Enter your name" })
    .trim()
    .min(1, { error: "Enter your name" })
    .max(NAME_MAX, { error: `Name must be ${NAME_MAX} characters or fewer` }),
  email: emailField(),
  password: newPasswordField(),
  // The page that sent the person to sign up (a cohort's join link, say): they come back to it.
  redirectTo: z.string().max(500).optional(),
  ...agreementFields,
});

/** Participants also give their date of birth, and under age a parent's or guardian's email (ADR 0023). */
export const participantSignupSchema = signupSchema.extend(participantFields);

export const loginSchema = z.object({
  email: emailField(),
  password: currentPasswordField("Enter your password"),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({
  email: emailField(),
});

export const resetPasswordSchema = z.object({
  token: z.string({ error: "This link is not complete. Ask for a new one." }),
  password: newPasswordField("Enter a new password"),
});

export const verifyEmailSchema = z.object({
  token: z.string({ error: "This link is not complete. Ask for a new one." }),
  next: z.string().max(500).optional(),
});

export const changePasswordSchema = z.object({
  intent: z.literal("change-password"),
  currentPassword: currentPasswordField("Enter your current password"),
  newPassword: newPasswordField("Enter a new password"),
});

export const changeEmailSchema = z.object({
  intent: z.literal("change-email"),
  newEmail: emailField("Enter your new email address"),
  password: currentPasswordField("Enter your password"),
});

export const resendVerificationSchema = z.object({
  intent: z.literal("resend-verification"),
});

export const INVALID_RESET_LINK = "This link to reset your password has expired or has already been used.";
