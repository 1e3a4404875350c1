import { z } from "zod";
import { OPTIONAL_USE_KEYS, RELATIONSHIPS } from "./consent-uses";

// Forms about consent (ADR 0023), shared by the server and the browser.

const EMAIL_MAX = 254;
const NAME_MAX = 100;

const optionalEmail = (wrongFormat: string) =>
  z
    .string()
    .trim()
    .max(EMAIL_MAX, { error: `Email addresses are at most ${EMAIL_MAX} characters` })
    .pipe(z.email({ error: wrongFormat }))
    .optional();

/** A ticked box that must be ticked; conform reads a ticked box as `true` and an unticked one as missing. */
const mustTick = (message: string) => z.boolean({ error: message }).refine((ticked) => ticked, { error: message });

export const optionalUsesField = z.array(z.enum(OPTIONAL_USE_KEYS, { error: "Choose from the uses listed" })).default([]);

/** What everyone agrees to at sign-up: the notice and the terms (required), and any optional use. */
export const agreementFields = {
  privacyNotice: mustTick("Tick the box to say you have read the privacy notice"),
  terms: mustTick("Tick the box to agree to the terms of use"),
  optionalUses: optionalUsesField,
};

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * "2009-03-27" from a date picker, or "27/03/2009" typed where a browser shows a plain text box;
 * always YYYY-MM-DD after parsing, or null when it is not a real calendar date.
 */
export function normaliseBirthDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!year || !month || !day) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < 1900 || !isRealDate(y, m, d)) return null;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

const BIRTH_DATE_FORMAT = "Enter your date of birth as a real date, like 27/03/2009";

export const birthDateField = z
  .string({ error: "Enter your date of birth" })
  .trim()
  .transform((value, ctx) => {
    const date = normaliseBirthDate(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: BIRTH_DATE_FORMAT });
      return z.NEVER;
    }
    return date;
  });

/** Participants also give their date of birth, and a parent's or guardian's address when under age. */
export const participantFields = {
  birthDate: birthDateField,
  guardianEmail: optionalEmail("Enter your parent's or guardian's email in the correct format, like name@example.com"),
};

/** /me/privacy: the optional uses ticked now. */
export const optionalConsentsSchema = z.object({ intent: z.literal("change-consents"), optionalUses: optionalUsesField });

/** /me/privacy and the banner: "I have read the new privacy notice". */
export const acknowledgeNoticeSchema = z.object({ intent: z.literal("acknowledge-notice"), redirectTo: z.string().max(500).optional() });

/** /me/privacy: a young person asks for the email to their parent or guardian again. */
export const resendGuardianSchema = z.object({
  intent: z.literal("resend-guardian"),
  guardianEmail: optionalEmail("Enter your parent's or guardian's email in the correct format, like name@example.com"),
});

const guardianName = z
  .string({ error: "Enter the parent's or guardian's full name" })
  .trim()
  .min(1, { error: "Enter the parent's or guardian's full name" })
  .max(NAME_MAX, { error: `The name is at most ${NAME_MAX} characters` });

const relationship = z.enum(RELATIONSHIPS, { error: "Choose who the adult is to the young person" });

const guardianPhone = z
  .string()
  .trim()
  .max(30, { error: "Phone numbers are at most 30 characters" })
  .regex(/^\+?[\d\s()-]{7,}$/, { error: "Enter a phone number, like 0803 123 4567" })
  .optional();

const ONE_CONTACT = "Enter an email address or a phone number, so we can reach the parent or guardian";

/** The form a parent or guardian fills in through the emailed link. */
export const guardianConsentSchema = z
  .object({
    guardianName,
    guardianEmail: optionalEmail("Enter an email address in the correct format, like name@example.com"),
    guardianPhone,
    relationship,
    account: mustTick("Tick the box to agree to the account: without it, the young person cannot take part"),
    optionalUses: optionalUsesField,
  })
  .refine((form) => !!form.guardianEmail || !!form.guardianPhone, { error: ONE_CONTACT, path: ["guardianEmail"] });

/** An organiser records consent a parent or guardian gave on paper. */
export const paperConsentSchema = z
  .object({
    intent: z.literal("record-paper"),
    userId: z.string({ error: "Choose the young person" }).max(64),
    guardianName,
    guardianEmail: optionalEmail("Enter an email address in the correct format, like name@example.com"),
    guardianPhone,
    relationship,
    optionalUses: optionalUsesField,
    signed: mustTick("Tick the box to confirm you hold the signed form"),
  })
  .refine((form) => !!form.guardianEmail || !!form.guardianPhone, { error: ONE_CONTACT, path: ["guardianEmail"] });

/** An organiser sends the request to the parent or guardian again, with a new link. */
export const resendGuardianRequestSchema = z.object({ intent: z.literal("resend"), userId: z.string({ error: "Choose the young person" }).max(64) });
