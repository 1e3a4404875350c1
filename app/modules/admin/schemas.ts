import { z } from "zod";
import type { Role } from "~db/schema";

// Shared by the server and the browser, so nothing here may import server code.

/** Every role, in the order organisers see them. */
export const ROLE_OPTIONS = ["organiser", "mentor", "participant", "sponsor"] as const satisfies readonly Role[];
// Fails to compile when a role is added to the schema but not listed above.
const _allRolesListed: Exclude<Role, (typeof ROLE_OPTIONS)[number]> extends never ? true : never = true;
void _allRolesListed;

/** The roles given, once each, in the order of `ROLE_OPTIONS`. */
export function sortRoles(roles: Iterable<Role>): Role[] {
  const set = new Set(roles);
  return ROLE_OPTIONS.filter((role) => set.has(role));
}

export const ROLE_LABELS: Record<Role, string> = {
  organiser: "Organiser",
  mentor: "Mentor",
  participant: "Participant",
  sponsor: "Sponsor",
};

export const rolesSchema = z.object({
  roles: z.array(z.enum(ROLE_OPTIONS, { error: "Choose roles from the list" })).default([]),
});

export const INVITABLE_ROLES = ["organiser", "mentor"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: z
    .string({ error: "Enter the email address to invite" })
    .trim()
    .max(254, "Email addresses are at most 254 characters")
    .pipe(z.email({ error: "Enter an email address like name@example.com" })),
  role: z.enum(INVITABLE_ROLES, { error: "Choose organiser or mentor" }),
});

export const revokeSchema = z.object({
  intent: z.literal("revoke"),
  id: z.string({ error: "Choose an invitation" }).min(1),
});

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
  website: httpsUrl,
  instagram: httpsUrl,
  x: httpsUrl,
  linkedin: httpsUrl,
  facebook: httpsUrl,
  whatsapp: httpsUrl,
});

export type SettingsInput = z.infer<typeof settingsSchema>;
