import { parseWithZod } from "@conform-to/zod/v4";
import { sendConfirmationCode, type IdentityProof, type SessionUser } from "~/modules/auth/index.server";
import { sendConfirmCodeSchema } from "~/modules/auth";
import { badRequest, refusalReply } from "./replies.server";

// "Text me a code" in the forms that ask "is it you?", for an account with no password: the same
// answer on every page, the form back at its second step with what else it held.

/** Texts a code to the person's verified number; the form comes back with the code field, or with why not (a 429 with `Retry-After` for a limit). */
export async function textConfirmCode(formData: FormData, user: Pick<SessionUser, "id" | "email">, ip: string) {
  const submission = parseWithZod(formData, { schema: sendConfirmCodeSchema });
  if (submission.status !== "success") badRequest();
  const sent = await sendConfirmationCode(user, ip);
  if (!sent.ok) return refusalReply(submission, sent);
  return submission.reply();
}

/** The proof a confirming form carried: its password, or the texted code in its place. */
export function proofFrom(value: { password: string } | { code: string }): IdentityProof {
  return "code" in value ? { code: value.code } : { password: value.password };
}
