import { z } from "zod";
import { withTextedCode } from "./confirm-schemas";
import { agreementFields, participantFields } from "./consent-schemas";
import { phoneField, smsCodeField } from "./phone-numbers";
import { changeEmailSchema, signupSchema } from "./schemas";

// The forms of phone sign-up, phone sign-in and /me/phone (ADR 0032), shared by the server and the
// browser. Each form has two steps on one page: the number (and, for sign-up, the answers), then
// the code sent to it; `intent` says which.

/** The number as the server stored it, carried from the first step to the second in a hidden field. */
const e164Field = z.string({ error: "Enter your mobile number again" }).regex(/^\+\d{7,15}$/, { error: "Enter your mobile number again" });

const redirectTo = z.string().max(500).optional();

/** /signup/phone, first step: what /signup asks a participant, with a mobile number instead of an email and a password. */
export const phoneSignupSchema = z.object({
  intent: z.literal("send-code"),
  name: signupSchema.shape.name,
  phone: phoneField,
  redirectTo,
  ...participantFields,
  ...agreementFields,
});

/** Second step of every phone form: the six digits that came by SMS. */
export const phoneCodeSchema = z.object({
  intent: z.literal("check-code"),
  phone: e164Field,
  code: smsCodeField,
  redirectTo,
});

/** Second step of every phone form: "Send a new code" to the same number. */
export const resendCodeSchema = z.object({ intent: z.literal("resend-code"), phone: e164Field, redirectTo });

/** /login/phone, first step. */
export const phoneSignInSchema = z.object({
  intent: z.literal("send-code"),
  phone: phoneField,
  redirectTo,
});

/** /me/phone: add a first number (the session and the code sent to it are proof enough). */
export const myPhoneSchema = z.object({ intent: z.literal("send-code"), phone: phoneField });

// Changing or removing a verified number changes how the account is reached, so the same form
// confirms it is the owner: the password, or for an account without one a code to the current number.

/** /me/phone: a new number in place of the verified one, with the password. */
export const changePhoneSchema = myPhoneSchema.extend({ password: changeEmailSchema.shape.password });

/** /me/phone: a new number, for an account with no password. */
export const changePhoneByCodeSchema = withTextedCode("send-code", { phone: phoneField });

/** /me/phone: the number taken off, with the password. */
export const removePhoneSchema = z.object({ intent: z.literal("remove-phone"), password: changeEmailSchema.shape.password });

/** /me/phone: the number taken off, for an account with no password. */
export const removePhoneByCodeSchema = withTextedCode("remove-phone");

/** WhatsApp yes or no; an unticked box is a no. */
export const whatsAppSchema = z.object({ intent: z.literal("whatsapp"), whatsapp: z.boolean().default(false) });

/** /me/account, for an account made with a phone number: an email address to add (confirmed by a link). */
export const addEmailSchema = z.object({ intent: z.literal("add-email"), newEmail: changeEmailSchema.shape.newEmail });
