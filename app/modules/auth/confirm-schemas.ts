import { z } from "zod";
import { smsCodeField } from "./phone-numbers";

// The forms that ask "is it you?", for an account with no password (made with a phone number):
// the same form in two steps on one page, first "Text me a code", then the code where the
// password would be. Shared by the server and the browser.

/** How a person's forms ask them to confirm: their password, or a code to their number (null when it has none). */
export type Confirmation = { by: "password" } | { by: "phone"; phone: string | null };

/** The intent of the "Text me a code" and "Send a new code" buttons. */
export const SEND_CONFIRM_CODE = "send-confirm-code";

export const sendConfirmCodeSchema = z.object({ intent: z.literal(SEND_CONFIRM_CODE) });

/** A form's own fields (and `intent`) with the texted code where its password was. */
export function withTextedCode<Intent extends string, Fields extends z.ZodRawShape = Record<never, never>>(intent: Intent, fields?: Fields) {
  return z.object({ intent: z.literal(intent), code: smsCodeField }).extend((fields ?? {}) as Fields);
}

/** For the browser: the form as either of its buttons sends it, the code asked for or the code typed. */
export function orTextMeACode<Schema extends z.ZodObject>(schema: Schema) {
  return z.union([sendConfirmCodeSchema, schema]);
}
