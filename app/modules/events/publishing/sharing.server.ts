import { and, eq, gt } from "drizzle-orm";
import { db } from "~db/client.server";
import { events } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import type { ShareCard } from "~/utils/share-card.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { eventPath, placeText, whenText } from "../facts.server";
import type { EventRow } from "./events.server";
import { KIND_LABELS } from "./schemas";

// Past events stay findable for a while after they end (people look up what they went to).
const LISTED_AFTER_END = 90 * DAY;

/** The address of an event's share card; the version makes apps fetch it again after an edit. */
export const eventCardPath = (event: Pick<EventRow, "slug" | "updatedAt">) => `${eventPath(event.slug)}.png?v=${event.updatedAt}`;

/** What a published event's share card shows; none for drafts and cancelled events. */
export function eventShareCard(slug: string): ShareCard | null {
  const event = db.select().from(events).where(eq(events.slug, slug)).get();
  if (!event || event.status !== "published") return null;
  const organisation = getOrganisation();
  return { kicker: KIND_LABELS[event.kind], title: event.title, lines: [whenText(event, organisation.timeZone), placeText(event)], footer: organisation.name };
}

/** Published events for the sitemap: those to come and those ended in the last 90 days. */
export function publicEventPaths(): { path: string; updatedAt: number }[] {
  return db
    .select({ slug: events.slug, updatedAt: events.updatedAt })
    .from(events)
    .where(and(eq(events.status, "published"), gt(events.endsAt, clock.now() - LISTED_AFTER_END)))
    .all()
    .map((row) => ({ path: eventPath(row.slug), updatedAt: row.updatedAt }));
}
