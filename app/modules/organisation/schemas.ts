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
  // Ways to give (ADR 0027): read only from a form that showed them, so an older form keeps them.
  givingWaysShown: z.literal("yes").optional(),
  stripeEnabled: z.boolean().optional().default(false),
  paystackEnabled: z.boolean().optional().default(false),
  bankTransferEnabled: z.boolean().optional().default(false),
  bankTransferCurrencies: z.array(z.enum(CURRENCIES, { error: "Choose currencies from the list" })).optional().default([]),
  // What receipts and year-end statements carry for a finance team (ADR 0029).
  legalName: z.string().trim().max(200, "The legal name is at most 200 characters").default(""),
  registrationNumber: z
    .string()
    .trim()
    .max(40, "The registration number is at most 40 characters")
    .regex(/^[\p{L}\p{N} ./-]*$/u, "Use letters, numbers, spaces, slashes and hyphens only, like RC 1234567")
    .default(""),
  postalAddress: z.string().max(500, "The address is at most 500 characters").default(""),
  receiptTaxWording: z.string().max(1000, "The wording for receipts is at most 1,000 characters").default(""),
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
