import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import type { CodeStep } from "~/components/auth/phone-code-step";
import { redirectWithFlash } from "~/utils/flash.server";
import type { Refusal } from "~/utils/refusal";
import { safeRedirectPath } from "~/utils/urls.server";
import { displayPhone, type SessionOpened } from "~/modules/auth/index.server";
import { phoneCodeSchema, resendCodeSchema } from "~/modules/auth";
import { ACCOUNT_KEPT } from "~/modules/privacy";
import { cancelErasureOnReturn } from "~/modules/privacy/index.server";
import { badRequest, refusalResult } from "./replies.server";

// The second step shared by /signup/phone, /login/phone and /me/phone: the code typed, or a new
// code asked for, answered on the same page with the number kept in hidden fields.

/** The page's second step, for a number a code was (or may have been) sent to. */
export function codeStep(phone: string, extra: Partial<CodeStep> = {}): CodeStep {
  return { step: "code", phone, display: displayPhone(phone), ...extra };
}

/** The second step again with the reason the code (or a new one) was refused: its status, `Retry-After` for a limit. */
export function codeStepRefused(phone: string, submission: Pick<Submission<unknown>, "reply">, refusal: Refusal) {
  const headers = refusal.retryAfterSeconds ? { "Retry-After": String(Math.max(1, Math.ceil(refusal.retryAfterSeconds))) } : undefined;
  return data(codeStep(phone, { codeResult: refusalResult(submission, refusal, ["code"]) }), { status: refusal.status, headers });
}

type Parsed<T> = { ok: true; value: T; submission: Submission<T> } | { ok: false; reply: ReturnType<typeof data> };

/** "check-code": the number and the code; a malformed code comes back to the second step with a 400. */
export function parseCodeStep(formData: FormData): Parsed<{ intent: "check-code"; phone: string; code: string; redirectTo?: string }> {
  const submission = parseWithZod(formData, { schema: phoneCodeSchema });
  if (submission.status === "success") return { ok: true, value: submission.value, submission };
  const phone = resendCodeSchema.shape.phone.safeParse(formData.get("phone"));
  if (!phone.success) badRequest();
  return { ok: false, reply: data(codeStep(phone.data, { codeResult: submission.reply({ hideFields: ["code"] }) }), { status: 400 }) };
}

/** "resend-code": only the number, as the second step carried it. */
export function parseResend(formData: FormData) {
  const submission = parseWithZod(formData, { schema: resendCodeSchema });
  if (submission.status !== "success") badRequest();
  return { value: submission.value, submission };
}

/**
 * A code opened a session, or a pending log-in when the account has a second factor (on to
 * /login/code, as after a password). Coming back cancels a requested erasure, as `/login` does.
 */
export function signedInRedirect(opened: SessionOpened, back: string, message?: string) {
  const to = safeRedirectPath(back);
  if (opened.codeNeeded) {
    return redirect(`/login/code?${new URLSearchParams({ redirectTo: to })}`, { headers: { "Set-Cookie": opened.cookie } });
  }
  const headers = { "Set-Cookie": opened.cookie };
  if (cancelErasureOnReturn(opened.userId)) return redirectWithFlash(to, ACCOUNT_KEPT, { headers });
  return message ? redirectWithFlash(to, message, { headers }) : redirect(to, { headers });
}
