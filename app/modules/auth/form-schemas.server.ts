import type { z } from "zod";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password.server";
import { changePasswordSchema, participantSignupSchema, PASSWORD_MAX, PASSWORD_MIN, resetPasswordSchema, signupSchema } from "./schemas";

// The browser checks length; only the server holds the list of common passwords.
export const COMMON_PASSWORD_MESSAGE =
  "This password is too common and easy to guess. Choose a different password, for example three random words";

if (PASSWORD_MIN !== PASSWORD_MIN_LENGTH || PASSWORD_MAX !== PASSWORD_MAX_LENGTH) {
  throw new Error("Password length limits in schemas.ts and password.server.ts differ");
}

const notCommon = <T extends z.ZodType<string, string>>(field: T) =>
  field.refine((password) => !isCommonPassword(password), { error: COMMON_PASSWORD_MESSAGE });

export const signupServerSchema = signupSchema.extend({ password: notCommon(signupSchema.shape.password) });

export const participantSignupServerSchema = participantSignupSchema.extend({ password: notCommon(participantSignupSchema.shape.password) });

export const resetPasswordServerSchema = resetPasswordSchema.extend({
  password: notCommon(resetPasswordSchema.shape.password),
});

export const changePasswordServerSchema = changePasswordSchema.extend({
  newPassword: notCommon(changePasswordSchema.shape.newPassword),
});

/** The same rules for callers that skip the forms (scripts, tests): a reason to refuse, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Password must be ${PASSWORD_MIN_LENGTH} characters or more`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  if (isCommonPassword(password)) return COMMON_PASSWORD_MESSAGE;
  return null;
}
