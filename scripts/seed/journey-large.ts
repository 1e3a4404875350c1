import type { Db } from "~db/client.server";
import { DAY } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";

// The large set's outcomes: about a third of the large-set participants said where they are now,
// at some time in the two years before, some twice (searching, then placed). Written with one
// prepared statement, as the other large seeds are.

const KINDS = ["job", "job", "internship", "study", "business", "searching"] as const;
const SECTORS = ["Retail", "Technology", "Finance", "Hospitality", "Education", "Logistics", "Health"];

export function seedLargeOutcomes(db: Db, { now }: { now: number }) {
  const client = db.$client;
  const people = client.prepare(`select id from users where email like 'participant_%@example.org' order by created_at, id`).all() as { id: string }[];
  const insert = client.prepare(
    `insert into outcomes (id, user_id, kind, employer, sector, hours, started_on, source, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  client.transaction(() => {
    people.forEach((person, i) => {
      if (i % 3 !== 0) return;
      const recordedAt = now - ((i * 37) % 720) * DAY - DAY;
      const kind = KINDS[i % KINDS.length];
      // Every fourth one was searching first and reported again later.
      if (i % 4 === 0 && kind !== "searching") insert.run(randomId(16), person.id, "searching", "", "", null, null, "follow_up", recordedAt - 90 * DAY);
      const job = kind === "job" || kind === "internship";
      const startedOn = new Date(recordedAt - 10 * DAY).toISOString().slice(0, 10);
      insert.run(randomId(16), person.id, kind, job ? `Employer ${i % 50}` : "", kind === "searching" ? "" : SECTORS[i % SECTORS.length], job ? (i % 5 ? "full_time" : "part_time") : null, kind === "searching" ? null : startedOn, i % 2 ? "self" : "follow_up", recordedAt);
    });
  })();
}
