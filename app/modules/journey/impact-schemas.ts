import { z } from "zod";

// The impact reports' forms, shared by server and browser (ADR 0041).

/** A funded event or cohort as the form names it: "event:<id>" or "cohort:<id>". */
export const FUND_TARGET_PATTERN = /^(event|cohort):[A-Za-z0-9_-]{1,64}$/;

export const linkFundSchema = z.object({
  intent: z.literal("link-fund"),
  target: z.string({ error: "Choose an event or a cohort" }).regex(FUND_TARGET_PATTERN, "Choose an event or a cohort from the list"),
  note: z
    .string({ error: "Say in a few words what the campaign paid for" })
    .trim()
    .min(3, "Say in a few words what the campaign paid for")
    .max(300, "The note is at most 300 characters"),
});

export const unlinkFundSchema = z.object({ intent: z.literal("unlink-fund"), fundId: z.string().min(1) });

export const IMPACT_REPORT_LABELS = { campaign: "Campaign report", sponsor: "Sponsor report", year: "Annual report" } as const;

/** What the reports print in place of a figure about fewer than five people. */
export const FEWER_THAN_FIVE = "fewer than 5";

export const REPORT_KINDS = ["campaign", "sponsor", "year"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(value: string | undefined): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value ?? "");
}
