import { whileUnchanged } from "~/utils/data-version.server";
import { sql, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { isoDate } from "~/utils/dates";
import { AGE_BAND_RANGES, STAGES, type Scope, type Stage } from "./figures";

// Every journey figure is defined here once (docs/decisions/0038-journey-figures.md). Each stage
// counts the distinct people whose moment for that stage falls in the period; the filters narrow
// who is counted. Everything is counted in SQL: no table is loaded whole.

export { AGE_BANDS, SMALL_NUMBER, STAGES, suppressed, suppressedText, type AgeBand, type Scope, type Stage } from "./figures";

/** The outcomes that count as "in work or study". */
export const PLACED_KINDS = ["job", "internship", "study", "business"] as const;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** `column in (…)`, false for an empty list (a filter naming nothing lets nobody through). */
const within = (column: SQL, values: readonly string[]) => (values.length ? sql`${column} in (${list(values)})` : sql`0`);

/** The condition on a person's id (`column`) that the scope's filters ask for, or null for everyone. */
function personFilter(scope: Scope, column: SQL): SQL | null {
  const conditions: SQL[] = [];
  if (scope.cohortIds)
    conditions.push(sql`${column} in (select user_id from cohort_members where ${within(sql`cohort_id`, scope.cohortIds)})`);
  if (scope.seriesIds)
    conditions.push(
      sql`${column} in (select r.user_id from registrations r join events e on e.id = r.event_id
        where r.status <> 'cancelled' and ${within(sql`e.series_id`, scope.seriesIds)})`,
    );
  if (scope.ageBand) {
    const [youngest, oldest] = AGE_BAND_RANGES[scope.ageBand];
    // Age on the period's last day in the organisation's time zone, from YYYY-MM-DD dates.
    const day = isoDate(scope.to - 1, getOrganisation().timeZone);
    conditions.push(
      sql`${column} in (select id from users where birth_date is not null
        and (cast(substr(${day}, 1, 4) as integer) - cast(substr(birth_date, 1, 4) as integer)
             - (substr(${day}, 6, 5) < substr(birth_date, 6, 5))) between ${youngest} and ${oldest})`,
    );
  }
  // `reachedThrough` is not a condition here: the moments are then read for those people alone (`reachedSql`).
  return conditions.length ? sql.join(conditions, sql` and `) : null;
}

/**
 * The people a campaign's links reached (ADR 0041): registered, not cancelled, for these events,
 * or members of these cohorts, at any time. A select of distinct `user_id`s, read through the
 * indexes on event and on cohort, so it costs what the links hold.
 */
export function reachedSql({ eventIds, cohortIds }: { eventIds: readonly string[]; cohortIds: readonly string[] }): SQL {
  const parts: SQL[] = [];
  if (eventIds.length) parts.push(sql`select distinct user_id from registrations where event_id in (${list(eventIds)}) and status <> 'cancelled'`);
  if (cohortIds.length) parts.push(sql`select distinct user_id from cohort_members where cohort_id in (${list(cohortIds)})`);
  return parts.length ? sql.join(parts, sql` union `) : sql`select null as user_id where 0`;
}

/**
 * One row per person and stage reached in the scope: `(stage, user_id, at)`, where `at` is the
 * person's first moment of that stage in the period (for "placed", their latest outcome's).
 * A SQL fragment to use as a common table expression.
 */
export function stageMomentsSql(scope: Scope): SQL {
  const { from, to } = scope;
  const inPeriod = (column: SQL) => sql`${column} >= ${from} and ${column} < ${to}`;
  const series = scope.seriesIds ? sql` and ${within(sql`e.series_id`, scope.seriesIds)}` : sql``;
  const cohort = (column: SQL) => (scope.cohortIds ? sql` and ${within(column, scope.cohortIds)}` : sql``);
  const placedKinds = list(PLACED_KINDS);
  // Whose moments are read. Everyone's: each stage reads the period's rows through the index on
  // its moment. The people a campaign reached (`reachedThrough`): each stage reads only their rows,
  // person by person through the index on the person (`cross join` keeps SQLite from starting
  // anywhere else), so a report costs what its subject holds, not what the whole data set holds.
  const reached = scope.reachedThrough;
  const of = (table: SQL, person: SQL) => (reached ? sql`reached p cross join ${table} on ${person} = p.user_id` : table);
  const registeredIn = reached
    ? sql`${of(sql`registrations r`, sql`r.user_id`)} cross join events e on e.id = r.event_id
      where r.status <> 'cancelled' and ${inPeriod(sql`e.starts_at`)}${series}`
    : sql`registrations r
      where r.status <> 'cancelled'
        and r.event_id in (select e.id from events e where ${inPeriod(sql`e.starts_at`)}${series})`;
  // Registered and attended come from one pass over the period's registrations.
  const moments = sql`
    with ${reached ? sql`reached as materialized (${reachedSql(reached)}),` : sql``}
    regs as materialized (
      select r.user_id, min(r.created_at) as registered_at, min(r.checked_in_at) as attended_at
      from ${registeredIn}
      group by r.user_id)
    select 'registered' as stage, user_id, registered_at as at from regs
    union all
    select 'attended', user_id, attended_at from regs where attended_at is not null
    union all
    select 'joined', m.user_id, min(m.joined_at)
      from ${of(sql`cohort_members m`, sql`m.user_id`)}
      where ${inPeriod(sql`m.joined_at`)}${cohort(sql`m.cohort_id`)}
      group by m.user_id
    union all
    select 'finished', c.user_id, min(c.completed_at)
      from ${of(sql`certificates c`, sql`c.user_id`)} left join cohort_members m on m.id = c.member_id
      where c.user_id is not null and ${inPeriod(sql`c.completed_at`)}${cohort(sql`m.cohort_id`)}
      group by c.user_id
    union all
    select 'matched', ms.mentee_id, min(ms.started_at)
      from ${of(sql`mentorships ms`, sql`ms.mentee_id`)}
      where ms.status in ('active', 'ended') and ms.started_at is not null and ${inPeriod(sql`ms.started_at`)}
      group by ms.mentee_id
    union all
    select 'reported', o.user_id, min(o.recorded_at)
      from ${of(sql`outcomes o`, sql`o.user_id`)}
      where ${inPeriod(sql`o.recorded_at`)}
      group by o.user_id
    union all
    select 'placed', o.user_id, max(o.recorded_at)
      from ${of(sql`outcomes o`, sql`o.user_id`)}
      where ${inPeriod(sql`o.recorded_at`)} and o.kind in (${placedKinds})
        and not exists (
          select 1 from outcomes later
          where later.user_id = o.user_id and later.recorded_at < ${to}
            and (later.recorded_at > o.recorded_at or (later.recorded_at = o.recorded_at and later.id > o.id)))
      group by o.user_id`;
  const filter = personFilter(scope, sql`user_id`);
  return filter ? sql`select * from (${moments}) where ${filter}` : moments;
}

/** How many people reached each stage in the scope. */
export function stageCounts(scope: Scope): Record<Stage, number> {
  return whileUnchanged(`stage-counts:${JSON.stringify(scope)}`, () => {
    const rows = db.all<{ stage: Stage; n: number }>(
      sql`with moments as (${stageMomentsSql(scope)}) select stage, count(*) as n from moments group by stage`,
    );
    const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
    for (const row of rows) counts[row.stage] = row.n;
    return counts;
  });
}
