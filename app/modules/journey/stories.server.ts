import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { stories, users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { pageWindow } from "~/utils/paging";
import { refuse, type Outcome } from "~/utils/refusal";
import { recordAudit } from "~/modules/organisation/index.server";
import type { StoryValues } from "./schemas";

// One story per person, theirs to change or withdraw. Organisers see it only while the person
// agrees to be quoted, and may feature it only then; a withdrawal takes it out of every report at
// once, because reports read the consent afresh (impact-stories.server.ts).

export type StoryRow = typeof stories.$inferSelect;

export function storyOf(userId: string): StoryRow | null {
  return db.select().from(stories).where(eq(stories.userId, userId)).orderBy(desc(stories.updatedAt)).limit(1).get() ?? null;
}

/** Writes or rewrites the person's story in the caller's transaction; consent starts when they first agree to be quoted. */
export function putStory(tx: Tx, userId: string, values: StoryValues, at: number): void {
  const current = tx.select().from(stories).where(eq(stories.userId, userId)).orderBy(desc(stories.updatedAt)).limit(1).get();
  const consent = values.mayQuote ? { consentedAt: current?.mayQuote && !current.withdrawnAt ? current.consentedAt : at, withdrawnAt: null } : { consentedAt: null };
  // Changing the words or the consent unfeatures the story: organisers choose again what they quote.
  const unchanged = current && current.text === values.story && current.mayQuote === values.mayQuote && current.byName === values.byName;
  const featuredAt = values.mayQuote && unchanged ? current.featuredAt : null;
  if (current) {
    tx.update(stories)
      .set({ text: values.story, mayQuote: values.mayQuote, byName: values.mayQuote && values.byName, ...consent, featuredAt, updatedAt: at })
      .where(eq(stories.id, current.id))
      .run();
  } else {
    tx.insert(stories)
      .values({ id: randomId(16), userId, text: values.story, mayQuote: values.mayQuote, byName: values.mayQuote && values.byName, ...consent, createdAt: at, updatedAt: at })
      .run();
  }
}

export function saveStory(userId: string, values: StoryValues): void {
  const at = clock.now();
  db.transaction((tx) => putStory(tx, userId, values, at), { behavior: "immediate" });
}

/** The person takes back their consent: no report quotes it from now on, and it is no longer featured. */
export function withdrawStory(userId: string): boolean {
  const at = clock.now();
  return (
    db
      .update(stories)
      .set({ mayQuote: false, byName: false, withdrawnAt: at, featuredAt: null, updatedAt: at })
      .where(and(eq(stories.userId, userId), isNull(stories.withdrawnAt)))
      .run().changes > 0
  );
}

export type ConsentedStory = { id: string; text: string; by: string; personId: string; personName: string; byName: boolean; consentedAt: number; featuredAt: number | null };

/** How many stories the organisers' page shows at a time. */
export const STORIES_PAGE_SIZE = 20;

/** The stories organisers may read: quoting agreed, not withdrawn, the author not erased. */
const consented = and(eq(stories.mayQuote, true), isNotNull(stories.consentedAt), isNull(stories.withdrawnAt), isNull(users.erasedAt));

/** The stories organisers may read, newest consent first (the id breaks ties), a page at a time. */
export function consentedStories(page = 1): { stories: ConsentedStory[]; total: number; page: number; pageCount: number } {
  const total = db.select({ n: sql<number>`count(*)` }).from(stories).innerJoin(users, eq(users.id, stories.userId)).where(consented).get()?.n ?? 0;
  const window = pageWindow(page, total, STORIES_PAGE_SIZE);
  const rows = total
    ? db
        .select({ id: stories.id, text: stories.text, byName: stories.byName, consentedAt: stories.consentedAt, featuredAt: stories.featuredAt, personId: users.id, personName: users.name })
        .from(stories)
        .innerJoin(users, eq(users.id, stories.userId))
        .where(consented)
        .orderBy(desc(stories.consentedAt), desc(stories.id))
        .limit(window.limit)
        .offset(window.offset)
        .all()
    : [];
  return {
    stories: rows.map((row) => ({ ...row, consentedAt: row.consentedAt!, by: row.byName ? row.personName.trim().split(/\s+/)[0] || "A participant" : "A participant" })),
    total,
    page: window.page,
    pageCount: window.pageCount,
  };
}

/** An organiser features a story for reports, or stops featuring it; only while the person's consent stands. */
export function setStoryFeatured({ actorId, storyId, featured }: { actorId: string; storyId: string; featured: boolean }): Outcome {
  const at = clock.now();
  return db.transaction(
    (tx) => {
      const story = tx.select().from(stories).where(eq(stories.id, storyId)).get();
      if (!story || !story.mayQuote || story.withdrawnAt !== null) return refuse("This story is no longer shared: its author withdrew their consent.", { status: 409, code: "withdrawn" });
      tx.update(stories).set({ featuredAt: featured ? at : null }).where(eq(stories.id, storyId)).run();
      recordAudit(tx, { actorId, action: featured ? "story.featured" : "story.unfeatured", targetType: "story", targetId: storyId });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}
