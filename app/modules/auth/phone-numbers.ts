import { z } from "zod";

// Mobile numbers as people type them, checked lightly: this file runs in the browser too, where
// the number library's metadata (about 100 KB) would outweigh a whole public page. The server
// parses them for real (phone-numbers.server.ts) and stores E.164.

export const PHONE_FORMAT_MESSAGE = "Enter a mobile number like 0803 123 4567";
export const PHONE_MISSING_MESSAGE = "Enter your mobile number";

/** Digits with the spaces, dashes, dots, brackets and leading + people write; 7 to 15 digits. */
export function looksLikePhoneNumber(value: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 7 && digits <= 15;
}

export const phoneField = z
  .string({ error: PHONE_MISSING_MESSAGE })
  .trim()
  .min(1, { error: PHONE_MISSING_MESSAGE })
  .max(30, { error: PHONE_FORMAT_MESSAGE })
  .refine(looksLikePhoneNumber, { error: PHONE_FORMAT_MESSAGE });

export const CODE_LENGTH = 6;

/** The six digits of a code sent by SMS; spaces typed between them are forgiven. */
export const smsCodeField = z
  .string({ error: "Enter the 6-digit code from the text message" })
  .transform((value) => value.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "The code is the 6 digits in the text message, like 123456" }));
