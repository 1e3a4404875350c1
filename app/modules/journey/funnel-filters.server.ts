import { recentCohortChoices } from "~/modules/cohorts/index.server";
import type { Choice } from "~/utils/short-list";
import type { Outcome } from "~/utils/refusal";
import { AGE_BANDS, CHOICES_SHOWN, MOST_COHORTS_COMPARED, type AgeBand, type Scope } from "./figures";
import { recentSeriesChoices } from "./funnel.server";
import { readPeriod } from "./period.server";
import type { Period } from "./period";

export type FunnelFilters = { cohortId: string; seriesId: string; ageBand: AgeBand | ""; compare: string[]; find: string };

/** What the filters offer: short lists of cohorts and series (`find` narrows them when there are more). */
export type FunnelFilterOptions = { cohorts: Choice[]; series: Choice[]; more: boolean };

const LONGEST_FIND = 100;

/** Reads the funnel page's GET form: the period, one cohort, series or age band, and cohorts to compare. */
export function readFunnelFilters(
  params: URLSearchParams,
): { period: Outcome<{ period: Period }>; filters: FunnelFilters; scope: Scope | null; errors: Record<string, string[]>; options: FunnelFilterOptions } {
  const period = readPeriod(params);
  const filters: FunnelFilters = {
    cohortId: params.get("cohort") ?? "",
    seriesId: params.get("series") ?? "",
    ageBand: (params.get("age") ?? "") as AgeBand | "",
    compare: params.getAll("compare"),
    find: (params.get("find") ?? "").trim().slice(0, LONGEST_FIND),
  };
  const cohorts = recentCohortChoices({
    lastDay: period.ok ? period.period.lastDay : null,
    find: filters.find,
    chosen: [filters.cohortId, ...filters.compare].filter(Boolean),
    limit: CHOICES_SHOWN,
  });
  const series = recentSeriesChoices({ before: period.ok ? period.period.toInstant : null, find: filters.find, chosen: filters.seriesId ? [filters.seriesId] : [], limit: CHOICES_SHOWN });
  const options = { cohorts: cohorts.choices, series: series.choices, more: cohorts.more || series.more };
  const errors: Record<string, string[]> = period.ok ? {} : { ...(period.fieldErrors ?? {}) };
  // The lists always hold the chosen cohorts and series that exist, so anything missing from them names none.
  if (filters.cohortId && !options.cohorts.some((c) => c.id === filters.cohortId)) errors.cohort = ["Choose a cohort from the list"];
  if (filters.seriesId && !options.series.some((s) => s.id === filters.seriesId)) errors.series = ["Choose an event series from the list"];
  if (filters.ageBand && !(AGE_BANDS as readonly string[]).includes(filters.ageBand)) errors.age = ["Choose an age band from the list"];
  if (filters.compare.some((id) => !options.cohorts.some((c) => c.id === id))) errors.compare = ["Choose cohorts from the list"];
  else if (filters.compare.length > MOST_COHORTS_COMPARED) errors.compare = [`Choose at most ${MOST_COHORTS_COMPARED} cohorts to compare`];
  // The period as read goes back even when a filter is refused, so the form shows what was chosen.
  if (Object.keys(errors).length || !period.ok) return { period, filters, scope: null, errors, options };
  const scope: Scope = {
    from: period.period.fromInstant,
    to: period.period.toInstant,
    ...(filters.cohortId ? { cohortIds: [filters.cohortId] } : {}),
    ...(filters.seriesId ? { seriesIds: [filters.seriesId] } : {}),
    ...(filters.ageBand ? { ageBand: filters.ageBand } : {}),
  };
  return { period, filters, scope, errors, options };
}
