import { sql, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import { reachedSql } from "./definitions.server";

// The stories a report may quote: featured by organisers, with the person's consent to be quoted
// standing and not withdrawn. Read afresh for every page, so a withdrawal takes effect at once.

export type QuotedStory = { id: string; text: string; by: string };

const STORIES_SHOWN = 6;

/** Whose stories: people reached through these events or cohorts, or stories told in a span. */
export type StoryScope = { reachedThrough: { eventIds: string[]; cohortIds: string[] } } | { from: number; to: number };

/** Stories told in a span; or the stories of the people reached, read person by person through `stories_user_idx`. */
function whose(scope: StoryScope): { from: SQL; where: SQL } {
  if ("from" in scope) return { from: sql`stories s`, where: sql` and s.created_at >= ${scope.from} and s.created_at < ${scope.to}` };
  return { from: sql`(${reachedSql(scope.reachedThrough)}) p cross join stories s on s.user_id = p.user_id`, where: sql`` };
}

/** The quotable stories in scope, newest featured first; by first name only where the person agreed. */
export function quotedStories(scope: StoryScope): QuotedStory[] {
  const { from, where } = whose(scope);
  const rows = db.all<{ id: string; text: string; byName: number; name: string }>(sql`
    select s.id, s.text, s.by_name as byName, u.name
    from ${from} cross join users u on u.id = s.user_id
    where s.may_quote = 1 and s.consented_at is not null and s.withdrawn_at is null and s.featured_at is not null
      and u.erased_at is null${where}
    order by s.featured_at desc, s.id
    limit ${STORIES_SHOWN}`);
  return rows.map((row) => ({ id: row.id, text: row.text, by: row.byName ? firstName(row.name) : "A participant" }));
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || "A participant";
}
