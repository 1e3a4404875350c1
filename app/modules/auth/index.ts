// The auth area's front door for code that also runs in the browser: schemas, labels, types.
export { INVITABLE_ROLES, ROLE_LABELS, ROLE_OPTIONS, inviteSchema, revokeSchema, rolesSchema } from "./roles";
export { INVALID_RESET_LINK, changeEmailSchema, changePasswordSchema, forgotPasswordSchema, loginSchema, resendVerificationSchema, resetPasswordSchema, signupSchema, verifyEmailSchema } from "./schemas";
export { confirmTotpSchema, removeTotpSchema, secondFactorCodeSchema, startTotpSchema } from "./two-factor-schemas";
