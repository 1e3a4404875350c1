import { sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { OUTCOME_KINDS } from "~db/schema";
import { OUTCOME_KIND_LABELS, STAGE_LABELS } from "~/modules/journey";
import { monthsOf, monthsTableSql, stageCounts, STAGES, type Period } from "~/modules/journey/index.server";
import type { ChartData } from "../charts";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** The journey's stages in the period (ADR 0038), as the funnel page counts them. */
export function journeyChart(period: Period): ChartData {
  const counts = stageCounts({ from: period.fromInstant, to: period.toInstant });
  return {
    id: "journey",
    title: "The journey",
    summary: `${plural(counts.registered, "person", "people")} registered for events, ${counts.joined.toLocaleString("en-GB")} joined a cohort, ${counts.finished.toLocaleString("en-GB")} finished the programme and ${counts.placed.toLocaleString("en-GB")} reported being in work or study.`,
    kind: "bars",
    unit: "people",
    categories: STAGES.map((stage) => STAGE_LABELS[stage]),
    series: [{ name: "People", values: STAGES.map((stage) => counts[stage]) }],
    table: { columns: ["Stage", "People"], rows: STAGES.map((stage) => [STAGE_LABELS[stage], counts[stage]]) },
  };
}

/** Of the people who joined a cohort in the period, how many completed each step (by its place in the curriculum). */
export function completionChart(period: Period): ChartData {
  const joined =
    db.get<{ n: number }>(sql`
      select count(*) as n from cohort_members
      where joined_at >= ${period.fromInstant} and joined_at < ${period.toInstant}`)?.n ?? 0;
  const rows = db.all<{ position: number; completed: number }>(sql`
    select cs.position as position, count(*) as completed
    from cohort_members m
    cross join exercise_answers a on a.member_id = m.id and a.completed_at is not null
    join curriculum_steps cs on cs.id = a.step_id
    where m.joined_at >= ${period.fromInstant} and m.joined_at < ${period.toInstant}
    group by cs.position
    order by cs.position`);
  const last = rows.length ? rows[rows.length - 1]!.position : 0;
  const byPosition = new Map(rows.map((row) => [row.position, row.completed]));
  const positions = Array.from({ length: last }, (_, i) => i + 1);
  const completed = positions.map((position) => byPosition.get(position) ?? 0);
  let dropAfter = 0;
  let drop = 0;
  const before = [joined, ...completed];
  positions.forEach((position, i) => {
    if (before[i]! - completed[i]! > drop) [drop, dropAfter] = [before[i]! - completed[i]!, position - 1];
  });
  return {
    id: "completion",
    title: "Programme completion per step",
    summary: joined
      ? `${plural(joined, "member", "members")} joined a cohort in this period. ${last ? `${completed[0]!.toLocaleString("en-GB")} completed step 1 and ${completed[last - 1]!.toLocaleString("en-GB")} step ${last}; the most people stop ${dropAfter === 0 ? "before step 1" : `after step ${dropAfter}`} (${plural(drop, "person", "people")}).` : "No steps completed yet."}`
      : "Nobody joined a cohort in this period.",
    kind: "bars",
    unit: "members",
    categories: positions.map((position) => `Step ${position}`),
    series: [{ name: "Completed the step", values: completed }],
    table: { columns: ["Step", "Members who completed it", "Of those who joined (%)"], rows: positions.map((p, i) => [p, completed[i]!, joined ? Math.round((completed[i]! * 100) / joined) : 0]) },
  };
}

/** Outcomes recorded in each local month, by kind. */
export function outcomesChart(period: Period): ChartData {
  const months = monthsOf(period);
  const rows = db.all<{ key: string; kind: string; n: number }>(sql`
    with ${monthsTableSql(months)}
    select months.key as key, o.kind as kind, count(*) as n
    from months join outcomes o on o.recorded_at >= months.start_at and o.recorded_at < months.end_at
    group by months.key, o.kind`);
  const count = (key: string, kind: string) => rows.find((row) => row.key === key && row.kind === kind)?.n ?? 0;
  const series = OUTCOME_KINDS.map((kind) => ({ name: OUTCOME_KIND_LABELS[kind], values: months.map((m) => count(m.key, kind)) }));
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  const placed = rows.filter((row) => row.kind !== "searching").reduce((sum, row) => sum + row.n, 0);
  return {
    id: "outcomes",
    title: "Outcomes over time",
    summary: total
      ? `${plural(total, "outcome", "outcomes")} recorded in this period; ${placed.toLocaleString("en-GB")} of them in work, training, study or a business, ${(total - placed).toLocaleString("en-GB")} still searching.`
      : "No outcomes recorded in this period.",
    kind: "stacked",
    unit: "outcomes",
    categories: months.map((m) => m.label),
    series,
    table: {
      columns: ["Month", ...series.map((s) => s.name)],
      rows: months.map((m, i) => [m.key, ...series.map((s) => s.values[i]!)]),
    },
  };
}
