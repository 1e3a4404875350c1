import { z } from "zod";
import type { PartnerKind, PartnerStage } from "~db/schema";

// Shared by the server and the browser, so nothing here may import server code (types only).

export const PARTNER_KIND_OPTIONS = ["sponsorship", "in_kind", "social_enterprise", "volunteering"] as const satisfies readonly PartnerKind[];
const _allKindsListed: Exclude<PartnerKind, (typeof PARTNER_KIND_OPTIONS)[number]> extends never ? true : never = true;
void _allKindsListed;

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  sponsorship: "Sponsorship",
  in_kind: "In-kind support (space, equipment, services)",
  social_enterprise: "Social enterprise partnership",
  volunteering: "Volunteering",
};

export const PARTNER_STAGE_OPTIONS = ["new", "contacted", "in_discussion", "partner", "declined"] as const satisfies readonly PartnerStage[];
const _allStagesListed: Exclude<PartnerStage, (typeof PARTNER_STAGE_OPTIONS)[number]> extends never ? true : never = true;
void _allStagesListed;

export const PARTNER_STAGE_LABELS: Record<PartnerStage, string> = {
  new: "New",
  contacted: "Contacted",
  in_discussion: "In discussion",
  partner: "Partner",
  declined: "Declined",
};

/** The hidden field people never see: a form that fills it in was filled in by a program. */
export const HONEYPOT_FIELD = "website";

const required = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer` });

export const partnerEnquirySchema = z.object({
  organisationName: required("your organisation's name", 200),
  contactName: required("your name", 100),
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, { error: "Email address must be 254 characters or fewer" })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" })),
  phone: z
    .string()
    .trim()
    .max(40, { error: "Phone number must be 40 characters or fewer" })
    .regex(/^[0-9+()\-.\s]*$/, { error: "Enter a phone number using digits, spaces and + ( ) - only" })
    .optional()
    .default(""),
  kind: z.enum(PARTNER_KIND_OPTIONS, { error: "Choose how you would like to work with us" }),
  message: z
    .string({ error: "Tell us a little about what you have in mind" })
    .trim()
    .min(10, { error: "Tell us a little more: at least 10 characters" })
    .max(5000, { error: "Message must be 5,000 characters or fewer" }),
  [HONEYPOT_FIELD]: z.string().optional(),
});

export type PartnerEnquiryInput = z.output<typeof partnerEnquirySchema>;

export const partnerStageSchema = z.object({
  id: z.string({ error: "Choose an enquiry" }).min(1).max(64),
  stage: z.enum(PARTNER_STAGE_OPTIONS, { error: "Choose a stage from the list" }),
});
