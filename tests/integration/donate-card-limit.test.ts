import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "~db/client.server";
import { donations } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { action as donateAction } from "~/routes/donate.$slug";
import { formRequest, freshIp, loadContext, uniqueEmail, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createCardCampaign, startStripeRig, type StripeTestRig } from "../support/stripe-factories";

let rig: StripeTestRig;
beforeAll(async () => {
  rig = await startStripeRig();
  resetRateLimits();
});
afterAll(async () => {
  await rig.close();
});

it("opens at most 30 card checkouts from one network in 10 minutes, and writes nothing for the one refused", async () => {
  const campaign = createCardCampaign();
  const ip = freshIp();
  const give = (from: string) =>
    runRoute(() =>
      donateAction(routeArgs({
        request: formRequest(`/donate/${campaign.slug}`, { gift: campaign.tiers[0]!.id, method: "card", name: "Ada Donor", email: uniqueEmail("donor"), recognition: "named" }),
        params: { slug: campaign.slug },
        context: loadContext(from),
      })),
    );
  for (let i = 0; i < 30; i++) expect((await give(ip)).status, `gift ${i + 1}`).toBe(303);
  const gifts = () => db.select().from(donations).where(eq(donations.campaignId, campaign.id)).all().length;
  const sessions = () => rig.standIn.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions").length;
  const [giftsBefore, sessionsBefore] = [gifts(), sessions()];
  expect((await give(ip)).status).toBe(429);
  expect([gifts(), sessions()]).toEqual([giftsBefore, sessionsBefore]);
  // Someone on another network is not held up.
  expect((await give(freshIp())).status).toBe(303);
});
