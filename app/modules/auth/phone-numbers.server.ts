import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/mobile";
import { z } from "zod";
import { PHONE_FORMAT_MESSAGE, phoneField } from "./phone-numbers";
import { changePhoneByCodeSchema, changePhoneSchema, myPhoneSchema, phoneSignInSchema, phoneSignupSchema } from "./phone-schemas";

// The "mobile" metadata knows only mobile ranges, so a landline is simply not a valid number here:
// a code sent by SMS could never reach it.

/** Where a number typed without +country is from; the organisation works in Nigeria. */
export const DEFAULT_PHONE_COUNTRY: CountryCode = "NG";

/** "0803 123 4567", "234 803 123 4567", "+234-803-123-4567" → "+2348031234567"; null when it is not a mobile number. */
export function parseMobileNumber(input: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), country);
  // "234803…" without the plus reads as a national number starting 234: try it as international too.
  const number = parsed?.isValid() ? parsed : parsePhoneNumberFromString(`+${input.trim()}`, country);
  if (!number || !number.isValid() || number.ext) return null;
  return number.number;
}

/** How a stored number is shown: the national form at home ("0803 123 4567"), international otherwise. */
export function displayPhone(e164: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string {
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  return number.country === country ? number.formatNational() : number.formatInternational();
}

/** The browser's light check, then the real parse: the form's value is E.164 from here on. */
export const serverPhoneField = phoneField.transform((value, ctx) => {
  const e164 = parseMobileNumber(value);
  if (!e164) {
    ctx.addIssue({ code: "custom", message: PHONE_FORMAT_MESSAGE });
    return z.NEVER;
  }
  return e164;
});

// The phone forms' schemas with the real parse in place of the browser's check.
export const phoneSignupServerSchema = phoneSignupSchema.extend({ phone: serverPhoneField });
export const phoneSignInServerSchema = phoneSignInSchema.extend({ phone: serverPhoneField });
export const myPhoneServerSchema = myPhoneSchema.extend({ phone: serverPhoneField });
export const changePhoneServerSchema = changePhoneSchema.extend({ phone: serverPhoneField });
export const changePhoneByCodeServerSchema = changePhoneByCodeSchema.extend({ phone: serverPhoneField });
