// The organisation area's front door for code that also runs in the browser: schemas, labels, types.
export { CURRENCIES, SOCIAL_LINKS, privacyNoticeSchema, settingsSchema, type SocialKey } from "./schemas";
export { RETENTION_FIELDS, retentionSettingsSchema, type RetentionField, type RetentionSettings } from "./retention-schemas";
export { messageSettingsSchema, SMS_PROVIDERS, type MessageSettingsValues } from "./message-settings-schemas";
