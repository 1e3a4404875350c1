import { whileUnchanged } from "~/utils/data-version.server";
import { and, desc, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { db, likePattern } from "~db/client.server";
import { events } from "~db/schema";
import { shortList, type ShortList } from "~/utils/short-list";
import { stageCounts, stageMomentsSql } from "./definitions.server";
import { STAGES, type Scope, type Stage } from "./figures";

export type FunnelStage = {
  stage: Stage;
  count: number;
  /** Percent of the stage before (null for the first, or when that stage is 0). */
  ofPrevious: number | null;
  /** Percent of the first stage. */
  ofFirst: number | null;
};

export type StageGap = { from: Stage; to: Stage; medianDays: number | null; people: number };

export type Funnel = { stages: FunnelStage[]; gaps: StageGap[] };

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

function funnelStages(counts: Record<Stage, number>): FunnelStage[] {
  const first = counts[STAGES[0]];
  return STAGES.map((stage, index) => ({
    stage,
    count: counts[stage],
    ofPrevious: index === 0 ? null : percent(counts[stage], counts[STAGES[index - 1]!]),
    ofFirst: index === 0 ? null : percent(counts[stage], first),
  }));
}

/**
 * The counts, and the median days from each stage to the next over the people who reached both
 * in that order, in one query over the same per-person moments: paired, ranked, and the middle
 * one or two averaged.
 */
export function funnel(scope: Scope): Funnel {
  return whileUnchanged(`funnel:${JSON.stringify(scope)}`, () => computeFunnel(scope));
}

function computeFunnel(scope: Scope): Funnel {
  const pairs = sql.join(
    STAGES.slice(0, -1).map((stage, index) => sql`(${stage}, ${STAGES[index + 1]!})`),
    sql`, `,
  );
  const rows = db.all<{ kind: "count" | "median"; stage: Stage; value: number; people: number }>(sql`
    with moments as materialized (${stageMomentsSql(scope)}),
    steps(from_stage, to_stage) as (values ${pairs}),
    gaps as (
      select s.from_stage, (b.at - a.at) / 86400000.0 as days
      from steps s
      join moments a on a.stage = s.from_stage
      join moments b on b.stage = s.to_stage and b.user_id = a.user_id
      where b.at >= a.at),
    ranked as (
      select from_stage, days,
        row_number() over (partition by from_stage order by days) as position,
        count(*) over (partition by from_stage) as people
      from gaps)
    select 'count' as kind, stage, count(*) as value, 0 as people from moments group by stage
    union all
    select 'median', from_stage, avg(days), max(people)
    from ranked where position in ((people + 1) / 2, (people + 2) / 2)
    group by from_stage`);
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  const medians = new Map<Stage, { value: number; people: number }>();
  for (const row of rows) {
    if (row.kind === "count") counts[row.stage] = row.value;
    else medians.set(row.stage, row);
  }
  const gaps = STAGES.slice(0, -1).map((stage, index) => {
    const median = medians.get(stage);
    return { from: stage, to: STAGES[index + 1]!, medianDays: median ? Math.round(median.value * 10) / 10 : null, people: median?.people ?? 0 };
  });
  return { stages: funnelStages(counts), gaps };
}

/** The same stages for each chosen cohort, side by side (each cohort its own filter). */
export function compareCohorts(scope: Scope, cohortIds: string[]): { cohortId: string; stages: FunnelStage[] }[] {
  return cohortIds.map((cohortId) => ({ cohortId, stages: funnelStages(stageCounts({ ...scope, cohortIds: [cohortId] })) }));
}

/**
 * A filter's short list of event series, named by their first event: the `limit` whose first
 * event started last before `before`, only those whose name contains `find` when it is given, and
 * always the ones already `chosen`. `more`: some were left out.
 */
export function recentSeriesChoices({ before, find, chosen, limit }: { before: number | null; find: string; chosen: string[]; limit: number }): ShortList {
  const title = sql<string>`min(${events.title})`;
  const firstStart = sql<number>`min(${events.startsAt})`;
  const query = (having: SQL | undefined, count: number) =>
    db
      .select({ id: sql<string>`${events.seriesId}`, name: title })
      .from(events)
      .where(isNotNull(events.seriesId))
      .groupBy(events.seriesId)
      .having(having)
      .orderBy(desc(firstStart))
      .limit(count)
      .all();
  const rows = query(and(before === null ? undefined : sql`${firstStart} < ${before}`, find ? sql`${title} like ${likePattern(find)} escape '\\'` : undefined), limit + 1);
  return shortList(rows, limit, chosen, (missing) => query(inArray(events.seriesId, missing), missing.length));
}

/** The funnel as one table for a spreadsheet: each stage's counts, rates and days to the next, then each compared cohort's counts. */
export function funnelTable(result: Funnel, comparison: { name: string; stages: FunnelStage[] }[]): string[][] {
  const header = ["Stage", "People", "Of the stage before (%)", "Of those registered (%)", "Median days to the next stage", "People who reached both", ...comparison.map((c) => `${c.name}: people`)];
  const rows = result.stages.map((stage, i) => {
    const gap = result.gaps[i];
    return [
      stage.stage,
      String(stage.count),
      stage.ofPrevious === null ? "" : String(stage.ofPrevious),
      stage.ofFirst === null ? "" : String(stage.ofFirst),
      gap?.medianDays == null ? "" : String(gap.medianDays),
      gap ? String(gap.people) : "",
      ...comparison.map((c) => String(c.stages[i]!.count)),
    ];
  });
  return [header, ...rows];
}
