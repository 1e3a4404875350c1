import { z } from "zod";

// Shared by the server and the browser, so nothing here may import server code.

export const CURRENCIES = ["NGN", "USD", "GBP", "EUR"] as const;

export const SOCIAL_LINKS = [
  { key: "website", label: "Website" },
  { key: "instagram", label: "Instagram" },
  { key: "x", label: "X (Twitter)" },
  { key: "linkedin", label: "LinkedIn" },
  { key: "facebook", label: "Facebook" },
  { key: "whatsapp", label: "WhatsApp" },
] as const;
export type SocialKey = (typeof SOCIAL_LINKS)[number]["key"];

const httpsUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: "Enter a full address starting with https://" })
  .max(500, "Addresses are at most 500 characters")
  .optional();

/** Browsers without `Intl.supportedValuesOf` skip this check; the server always runs it. */
function isKnownTimeZone(value: string): boolean {
  if (typeof Intl.supportedValuesOf !== "function") return true;
  return value === "UTC" || Intl.supportedValuesOf("timeZone").includes(value);
}

export const settingsSchema = z.object({
  name: z.string({ error: "Enter the organisation's name" }).trim().min(1, "Enter the organisation's name").max(100, "The name is at most 100 characters"),
  tagline: z.string().trim().max(200, "The tagline is at most 200 characters").default(""),
  mission: z.string().trim().max(2000, "The mission is at most 2,000 characters").default(""),
  contactEmail: z
    .string()
    .trim()
    .max(254, "Email addresses are at most 254 characters")
    .pipe(z.email({ error: "Enter an email address like hello@example.org" }))
    .optional(),
  timeZone: z
    .string({ error: "Choose a time zone" })
    .refine(isKnownTimeZone, { error: "Choose a time zone from the list, like Africa/Lagos" }),
  currency: z.enum(CURRENCIES, { error: "Choose a currency from the list" }),
  bankTransferDetails: z.string().max(2000, "Bank-transfer details are at most 2,000 characters").default(""),
  helpLines: z.string().max(2000, "Help lines are at most 2,000 characters").default(""),
  organiserSecondFactorRequired: z.boolean().optional().default(false),
  // Young people (ADR 0023): under this age a parent or guardian consents.
  adultAge: z
    .number({ error: "Enter the age of consent as a whole number, like 18" })
    .int({ error: "Enter the age of consent as a whole number, like 18" })
    .min(13, { error: "The age of consent is at least 13" })
    .max(21, { error: "The age of consent is at most 21" })
    .optional(),
  under16Allowed: z.boolean().optional().default(false),
  website: httpsUrl,
  instagram: httpsUrl,
  x: httpsUrl,
  linkedin: httpsUrl,
  facebook: httpsUrl,
  whatsapp: httpsUrl,
});


/** The organisers' privacy-notice form: the whole notice, in Markdown. */
export const privacyNoticeSchema = z.object({
  body: z
    .string({ error: "Write the notice" })
    .trim()
    .min(200, "A privacy notice this short cannot say what the law asks: see the headings of the default text")
    .max(50_000, "The notice is at most 50,000 characters"),
});
