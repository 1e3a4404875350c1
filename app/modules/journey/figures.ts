// What the journey's figures are called, shared by the server and the pages. The definitions of
// each stage are in definitions.server.ts and docs/decisions/0038-journey-figures.md.

export const STAGES = ["registered", "attended", "joined", "finished", "matched", "reported", "placed"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  registered: "Registered for an event",
  attended: "Attended an event",
  joined: "Joined a cohort",
  finished: "Finished the programme",
  matched: "Matched with a mentor",
  reported: "Reported an outcome",
  placed: "In work or study",
};

/** Age on the last day of the period, from the date of birth people give at sign-up. */
export const AGE_BANDS = ["under-18", "18-24", "25-34", "35-plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  "under-18": "Under 18",
  "18-24": "18 to 24",
  "25-34": "25 to 34",
  "35-plus": "35 and over",
};

/** Inclusive lower and upper ages of each band. */
export const AGE_BAND_RANGES: Record<AgeBand, readonly [number, number]> = {
  "under-18": [0, 17],
  "18-24": [18, 24],
  "25-34": [25, 34],
  "35-plus": [35, 200],
};

/** Who is counted: a period (ms, [from, to)) and optional filters; `reachedThrough` limits people to those registered for these events or members of these cohorts (what a campaign funded). */
export type Scope = {
  from: number;
  to: number;
  cohortIds?: string[];
  seriesIds?: string[];
  ageBand?: AgeBand;
  reachedThrough?: { eventIds: string[]; cohortIds: string[] };
};

/** The funnel page puts at most this many cohorts side by side. */
export const MOST_COHORTS_COMPARED = 4;

/** How many cohorts, and how many event series, the funnel's filters list at most besides those chosen. */
export const CHOICES_SHOWN = 30;

/** Figures about fewer people than this are not shown outside the organisers' console. */
export const SMALL_NUMBER = 5;

/**
 * A count as it may be shown to people who are not organisers: null means "fewer than 5" (1 to 4
 * people could be recognised). None stays 0: that nobody did something identifies no one.
 */
export function suppressed(n: number): number | null {
  return n > 0 && n < SMALL_NUMBER ? null : n;
}

/** The words for a suppressed count. */
export function suppressedText(n: number): string {
  const shown = suppressed(n);
  return shown === null ? `fewer than ${SMALL_NUMBER}` : shown.toLocaleString("en-GB");
}
