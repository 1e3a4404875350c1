import { sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { monthsOf, monthsTableSql, type Period } from "~/modules/journey/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { clock } from "~/utils/clock.server";
import { isoDate } from "~/utils/dates";
import type { ChartData } from "../charts";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** Registrations (not cancelled) and check-ins by the local month their event started in. */
export function registrationsChart(period: Period): ChartData {
  const months = monthsOf(period);
  const rows = db.all<{ key: string; registered: number; attended: number }>(sql`
    with ${monthsTableSql(months)}
    select months.key as key, count(r.id) as registered, count(r.checked_in_at) as attended
    from months
    left join events e on e.starts_at >= months.start_at and e.starts_at < months.end_at
    left join registrations r on r.event_id = e.id and r.status <> 'cancelled'
    group by months.key`);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const registered = months.map((m) => byKey.get(m.key)?.registered ?? 0);
  const attended = months.map((m) => byKey.get(m.key)?.attended ?? 0);
  const totalRegistered = registered.reduce((a, b) => a + b, 0);
  const totalAttended = attended.reduce((a, b) => a + b, 0);
  const rate = totalRegistered ? Math.round((totalAttended * 100) / totalRegistered) : 0;
  return {
    id: "registrations",
    title: "Registrations and attendance",
    summary: totalRegistered
      ? `${plural(totalRegistered, "registration", "registrations")} for events in this period; ${plural(totalAttended, "person", "people")} checked in (${rate}%).`
      : "No registrations for events in this period.",
    kind: "bars",
    unit: "registrations",
    categories: months.map((m) => m.label),
    series: [
      { name: "Registered", values: registered },
      { name: "Attended", values: attended },
    ],
    table: { columns: ["Month", "Registered", "Attended"], rows: months.map((m, i) => [m.key, registered[i]!, attended[i]!]) },
  };
}

/** For each event in the period that has started: confirmed places, check-ins and the share who did not come. */
export function noShowChart(period: Period): ChartData {
  const until = Math.min(period.toInstant, clock.now());
  const rows = db.all<{ title: string; startsAt: number; confirmed: number; attended: number }>(sql`
    select e.title as title, e.starts_at as startsAt,
      count(r.id) as confirmed, count(r.checked_in_at) as attended
    from events e cross join registrations r on r.event_id = e.id and r.status = 'confirmed'
    where e.starts_at >= ${period.fromInstant} and e.starts_at < ${until} and e.status <> 'cancelled'
    group by e.starts_at, e.id
    order by e.starts_at, e.id`);
  const rates = rows.map((row) => (row.confirmed ? Math.round(((row.confirmed - row.attended) * 100) / row.confirmed) : 0));
  const confirmed = rows.reduce((sum, row) => sum + row.confirmed, 0);
  const absent = rows.reduce((sum, row) => sum + row.confirmed - row.attended, 0);
  const { timeZone } = getOrganisation();
  const worst = rows.length ? rows[rates.indexOf(Math.max(...rates))]! : null;
  return {
    id: "no-shows",
    title: "No-shows per event",
    summary: rows.length
      ? `${plural(absent, "person", "people")} of ${confirmed.toLocaleString("en-GB")} with a confirmed place did not come to ${plural(rows.length, "event", "events")} (${Math.round((absent * 100) / Math.max(1, confirmed))}%). Highest: ${worst!.title}, ${Math.max(...rates)}%.`
      : "No events with confirmed places have taken place in this period.",
    kind: "bars",
    unit: "percent",
    drawLast: 12,
    categories: rows.map((row) => row.title),
    series: [{ name: "Did not come (%)", values: rates }],
    table: {
      columns: ["Event", "Date", "Confirmed", "Checked in", "Did not come (%)"],
      rows: rows.map((row, i) => [row.title, isoDate(row.startsAt, timeZone), row.confirmed, row.attended, rates[i]!]),
    },
  };
}

/** Mentoring sessions held (confirmed, and either side said it happened) by local month, and their ratings. */
export function mentoringChart(period: Period): ChartData {
  const months = monthsOf(period);
  const rows = db.all<{ key: string; held: number; rated: number; rating: number | null }>(sql`
    with ${monthsTableSql(months)}
    select months.key as key, count(s.id) as held, count(s.mentee_rating) as rated, avg(s.mentee_rating) as rating
    from months
    left join mentoring_sessions s on s.starts_at >= months.start_at and s.starts_at < months.end_at
      and s.status = 'confirmed' and 'held' in (s.mentor_outcome, s.mentee_outcome)
    group by months.key`);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const held = months.map((m) => byKey.get(m.key)?.held ?? 0);
  const rated = rows.reduce((sum, row) => sum + row.rated, 0);
  const ratingSum = rows.reduce((sum, row) => sum + (row.rating ?? 0) * row.rated, 0);
  const total = held.reduce((a, b) => a + b, 0);
  const average = rated ? (ratingSum / rated).toFixed(1) : null;
  return {
    id: "mentoring",
    title: "Mentoring sessions held",
    summary: total
      ? `${plural(total, "session", "sessions")} held.${average ? ` Mentees rated ${plural(rated, "session", "sessions")}, ${average} out of 5 on average.` : " None rated yet."}`
      : "No mentoring sessions held in this period.",
    kind: "bars",
    unit: "sessions",
    categories: months.map((m) => m.label),
    series: [{ name: "Sessions held", values: held }],
    table: {
      columns: ["Month", "Sessions held", "Rated by the mentee", "Average rating (1 to 5)"],
      rows: months.map((m) => {
        const row = byKey.get(m.key);
        return [m.key, row?.held ?? 0, row?.rated ?? 0, row?.rating == null ? "" : row.rating.toFixed(1)];
      }),
    },
  };
}
