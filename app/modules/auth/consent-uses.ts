// What people agree to, in words the browser shows too (ADR 0023). Nothing here may import server code.

/** Uses of someone's data they may say yes or no to, and change at /me/privacy at any time. */
export const OPTIONAL_USES = [
  {
    key: "impact_stories",
    label: "Quote me in an impact story",
    hint: "We may tell your story, with your first name, in our reports and on this site, to show what the programme does. We always check the words with you first.",
  },
  {
    key: "news",
    label: "Send me news",
    hint: "Now and then we write to everyone about new workshops, programmes and openings, by the way you chose to hear from us. You can stop them at any time.",
  },
  {
    key: "partner_contact",
    label: "Let partners contact me",
    hint: "Employers and training partners we work with may email you about jobs, internships or courses. We give them only your name and email address.",
  },
] as const;

export type OptionalUse = (typeof OPTIONAL_USES)[number]["key"];

export const OPTIONAL_USE_KEYS = OPTIONAL_USES.map((use) => use.key) as [OptionalUse, ...OptionalUse[]];

/**
 * Messages by WhatsApp: asked on /me/phone once a number is verified, not at sign-up, so it is not
 * an optional use; its yes and no are recorded beside them all the same.
 */
export const WHATSAPP_PURPOSE = "whatsapp";
export const WHATSAPP_LABEL = "Messages on WhatsApp";

/** Everything a consent row can be about: the notice read, the terms, each optional use, and WhatsApp. */
export const CONSENT_PURPOSES = ["privacy_notice", "terms", ...OPTIONAL_USE_KEYS, WHATSAPP_PURPOSE] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export function optionalUseLabel(key: string): string {
  return OPTIONAL_USES.find((use) => use.key === key)?.label ?? key;
}

/** What a parent or guardian may agree to: the account itself (required), then each optional use. */
export const GUARDIAN_ACCOUNT_USE = "account";

/** Who the adult is to the young person; "Other" covers everyone the list leaves out. */
export const RELATIONSHIPS = ["Mother", "Father", "Grandparent", "Aunt or uncle", "Older brother or sister", "Legal guardian", "Other"] as const;

/** The terms everyone agrees to at sign-up, short enough to read on a phone. */
export const TERMS_SUMMARY =
  "Treat everyone with respect, keep what others share in sessions to yourself, and never ask anyone you meet here for money.";
