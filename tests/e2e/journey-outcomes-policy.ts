import type { PolicyFixtures, RoutePolicy } from "./route-policy";

const ORGANISERS = ["organiser"] as const;

/** Outcomes, follow-ups and stories (ADR 0040), spread into ROUTE_POLICY. */
export const JOURNEY_OUTCOMES_POLICY: Record<string, RoutePolicy> = {
  // Each person's own outcomes and story.
  "routes/me.outcomes": { load: "signed-in", post: "signed-in" },
  // The emailed token is the key: the form works without a log-in (the fixture's is the permissions target's).
  "routes/follow-ups.$token": { load: "anyone", post: "anyone", url: (f) => `/follow-ups/${f.followUpToken ?? "no-such-follow-up"}` },
  "routes/admin.people.$id_.outcomes": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/people/${f.personId}/outcomes` },
  "routes/admin.stories": { load: ORGANISERS, post: ORGANISERS },
};

/** A "where are you now?" question sent to the permissions target: the token of its link. */
export async function journeyOutcomesPolicyFixtures(personId: string): Promise<Partial<PolicyFixtures>> {
  const { db } = await import("~db/client.server");
  const { followUps } = await import("~db/schema");
  const { clock } = await import("~/utils/clock.server");
  const { hashToken, randomId } = await import("~/utils/ids.server");
  const followUpToken = randomId(20);
  const now = clock.now();
  db.insert(followUps).values({ id: randomId(16), userId: personId, trigger: "mentorship", subjectId: randomId(8), monthsAfter: 3, dueAt: now, tokenHash: hashToken(followUpToken), sentAt: now, createdAt: now }).run();
  return { followUpToken };
}
