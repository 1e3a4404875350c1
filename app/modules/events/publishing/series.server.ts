import { TZDate } from "@date-fns/tz";
import { asc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { events, eventSeries } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { instantToLocalInput } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { insertQuestions, slugify, uniqueSlug, type EventValues, type QuestionInput } from "./values.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { type Outcome } from "~/utils/refusal";

/** The same wall-clock time `days` later in `timeZone` (so a session stays at 10:00 across a clock change). */
function addLocalDays(instant: number, days: number, timeZone: string): number {
  const date = new TZDate(instant, timeZone);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

type SeriesResult = Outcome<{ eventId: string; sessions: number }>;

/**
 * "Repeat every N days for K sessions": K linked draft events, the first at the typed time. Each
 * session's registration window keeps the same distance from its start as the first one's, and
 * its web address is the series' address plus its date ("cv-clinic-2026-12-03").
 */
export function createSeries(input: {
  actorId: string | null;
  values: EventValues;
  questions: QuestionInput[];
  slug?: string;
  intervalDays: number;
  occurrences: number;
  timeZone: string;
}): SeriesResult {
  const { actorId, values, questions, intervalDays, occurrences, timeZone } = input;
  const base = input.slug ?? slugify(values.title);
  return db.transaction(
    (tx): SeriesResult => {
      const now = clock.now();
      const seriesId = randomId(12);
      tx.insert(eventSeries).values({ id: seriesId, intervalDays, occurrences, createdAt: now }).run();
      const ids: string[] = [];
      for (let position = 1; position <= occurrences; position++) {
        const shift = (instant: number | null) => (instant === null ? null : addLocalDays(instant, (position - 1) * intervalDays, timeZone));
        const startsAt = shift(values.startsAt)!;
        const id = randomId(12);
        const slug = uniqueSlug(tx, `${base}-${instantToLocalInput(startsAt, timeZone).slice(0, 10)}`);
        tx.insert(events)
          .values({
            ...values,
            id,
            slug,
            startsAt,
            endsAt: shift(values.endsAt)!,
            registrationOpensAt: shift(values.registrationOpensAt),
            registrationClosesAt: shift(values.registrationClosesAt),
            status: "draft",
            seriesId,
            seriesPosition: position,
            createdBy: actorId,
            createdAt: now,
            updatedAt: now,
          })
          .run();
        insertQuestions(tx, id, questions);
        ids.push(id);
      }
      recordAudit(tx, {
        actorId,
        action: "event.series-created",
        targetType: "event",
        targetId: ids[0],
        details: { title: values.title, sessions: occurrences, everyDays: intervalDays },
      });
      return { ok: true, eventId: ids[0], sessions: occurrences };
    },
    { behavior: "immediate" },
  );
}

type SeriesSession = Pick<typeof events.$inferSelect, "id" | "slug" | "title" | "startsAt" | "endsAt" | "status" | "seriesPosition">;

/** The sessions of a series, in date order. */
export function seriesSessions(seriesId: string): SeriesSession[] {
  return db
    .select({ id: events.id, slug: events.slug, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt, status: events.status, seriesPosition: events.seriesPosition })
    .from(events)
    .where(eq(events.seriesId, seriesId))
    .orderBy(asc(events.startsAt))
    .all();
}
