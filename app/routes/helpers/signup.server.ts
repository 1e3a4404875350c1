import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { refusalReply } from "./replies.server";
import { getUser } from "./session.server";
import { safeRedirectPath } from "~/utils/urls.server";
import { participantSignupServerSchema, signUp, type SignupRole, signupServerSchema } from "~/modules/auth/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

// The three sign-up pages (/signup, /signup/mentor, /signup/sponsor) differ only in the role
// they grant, so they share this loader and action.

/** Where to go after confirming: a safe local path, or none. */
export function nextPage(value: string | null | undefined): string | undefined {
  const path = safeRedirectPath(value, "");
  return path && path !== "/me" ? path : undefined;
}

export function signupLoader({ request }: LoaderFunctionArgs) {
  const next = nextPage(new URL(request.url).searchParams.get("redirectTo"));
  if (getUser(request)) throw redirect(next ?? "/me");
  return { redirectTo: next ?? null, adultAge: getOrganisation().adultAge };
}

export async function signupAction({ request, context }: ActionFunctionArgs, role: SignupRole) {
  const formData = await request.formData();
  // Participants also give their date of birth (ADR 0023).
  const submission = parseWithZod(formData, { schema: role === "participant" ? participantSignupServerSchema : signupServerSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { redirectTo, ...fields } = submission.value;
  const result = await signUp({ ...fields, role, next: nextPage(redirectTo) }, context.clientIp);
  if (!result.ok) return refusalReply(submission, result, ["password"]);
  // The same answer whether the account is new or the address was already registered; whether a
  // parent or guardian was asked follows from the date of birth typed, not from the address.
  return { sent: true as const, email: submission.value.email, guardianAsked: result.guardianAsked };
}
