import type { PolicyFixtures, RoutePolicy } from "./route-policy";

const ORGANISERS = ["organiser"] as const;

/** The impact reports' and the journey certificates' routes, spread into ROUTE_POLICY (ADR 0041). */
export const IMPACT_POLICY: Record<string, RoutePolicy> = {
  "routes/admin.impact._index": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.impact.$kind.$subject": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/impact/campaign/${f.campaignId ?? "no-such-campaign"}` },
  // A share link is the key to its report: anyone holding it may read it, without logging in.
  "routes/impact.$key": { load: "anyone", post: "no-action", url: (f) => `/impact/${f.impactShareToken ?? "no-such-link"}` },
  // Everyone signed in has a page of their own (empty until they have given).
  "routes/me.giving.impact._index": { load: "signed-in", post: "no-action" },
  // A campaign's report for the sponsors who gave to it: the sponsor actor did; to anyone else it does not exist.
  "routes/me.giving.impact.$campaignId": { load: "anyone", post: "no-action", url: (f) => `/me/giving/impact/${f.campaignId ?? "no-such-campaign"}`, owner: "sponsor" },
  "routes/achievements.$id": { load: "anyone", post: "no-action", url: (f) => `/achievements/${f.achievementId ?? "no-such-certificate"}` },
};

/** A live share link to the fixtures' campaign's report, and an attendance certificate of `personId`. */
export async function impactPolicyFixtures(organiserId: string, campaignId: string, personId: string): Promise<Partial<PolicyFixtures>> {
  const { db } = await import("~db/client.server");
  const { achievements } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const { createShareLink } = await import("~/modules/journey/impact-links.server");
  const link = createShareLink(organiserId, "campaign", campaignId);
  if (!link.ok) throw new Error(link.message);
  const achievementId = randomId(16);
  db.insert(achievements)
    .values({ id: achievementId, userId: personId, kind: "event", recipientName: "Permissions target", statement: "attended “Permissions workshop”", organisationName: "Steppingstone", earnedAt: Date.now() })
    .run();
  return { impactShareToken: link.token, achievementId };
}
