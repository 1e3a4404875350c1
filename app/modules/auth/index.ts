// The auth area's front door for code that also runs in the browser: schemas, labels, types.
export { INVITABLE_ROLES, ROLE_LABELS, ROLE_OPTIONS, inviteSchema, revokeSchema, rolesSchema } from "./roles";
export { changeNameSchema, rectifyPersonSchema } from "./rectification-schemas";
export { INVALID_RESET_LINK, changeEmailSchema, changePasswordSchema, forgotPasswordSchema, loginSchema, participantSignupSchema, resendVerificationSchema, resetPasswordSchema, signupSchema, verifyEmailSchema } from "./schemas";
export { acknowledgeNoticeSchema, agreementFields, guardianConsentSchema, optionalConsentsSchema, paperConsentSchema, resendGuardianRequestSchema, resendGuardianSchema } from "./consent-schemas";
export { CONSENT_PURPOSES, OPTIONAL_USES, OPTIONAL_USE_KEYS, RELATIONSHIPS, TERMS_SUMMARY, WHATSAPP_LABEL, WHATSAPP_PURPOSE, optionalUseLabel, type ConsentPurpose, type OptionalUse } from "./consent-uses";
export { PHONE_FORMAT_MESSAGE, phoneField, smsCodeField } from "./phone-numbers";
export { addEmailSchema, changePhoneByCodeSchema, changePhoneSchema, myPhoneSchema, phoneCodeSchema, phoneSignInSchema, phoneSignupSchema, removePhoneByCodeSchema, removePhoneSchema, resendCodeSchema, whatsAppSchema } from "./phone-schemas";
export { confirmTotpSchema, removeTotpSchema, secondFactorCodeSchema, startTotpSchema } from "./two-factor-schemas";
export { SEND_CONFIRM_CODE, orTextMeACode, sendConfirmCodeSchema, withTextedCode, type Confirmation } from "./confirm-schemas";
