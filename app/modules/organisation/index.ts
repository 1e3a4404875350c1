// The organisation area's front door for code that also runs in the browser: schemas, labels, types.
export { CURRENCIES, SOCIAL_LINKS, privacyNoticeSchema, settingsSchema, type SocialKey } from "./schemas";
