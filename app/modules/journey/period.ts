// The period a page's figures cover, as its GET form names it.

export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  month: "This month",
  quarter: "This quarter",
  year: "This year",
  custom: "Dates I choose",
};

/** What the form sent, kept as typed so the page can show it again. */
export type PeriodInput = { period: PeriodKind; from: string; to: string };

/** A resolved period: instants `[from, to)`, the calendar days it covers, and its name. */
export type Period = PeriodInput & { fromInstant: number; toInstant: number; firstDay: string; lastDay: string; label: string };
