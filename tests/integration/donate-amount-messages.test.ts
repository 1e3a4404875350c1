import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { donations } from "~db/schema";
import { action as donateAction } from "~/routes/donate.$slug";
import { formRequest, freshIp, loadContext, uniqueEmail, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign } from "../support/sponsorship-factories";
import { updateOrganisation } from "~/modules/organisation/index.server";

beforeAll(() => updateOrganisation({ bankTransferDetails: "Demo Bank Plc\nAccount 0123456789" }));

async function giveCustom(slug: string, customAmount: string) {
  const body = { gift: "custom", customAmount, name: "Ngozi Okafor", email: uniqueEmail("donor"), recognition: "named", method: "bank_transfer" };
  const result = await runRoute(() => donateAction(routeArgs({ request: formRequest(`/donate/${slug}`, body), params: { slug }, context: loadContext(freshIp()) })));
  return { status: result.status, message: (result.data as { error?: Record<string, string[]> } | null)?.error?.customAmount?.[0] };
}

describe("a custom amount that cannot be taken", () => {
  it("says what is wrong with it (400, nothing written), not just 'enter a number'", async () => {
    const campaign = createOpenCampaign();
    const cases: [string, RegExp][] = [
      ["5,000.505", /at most 2 digits after the decimal point/],
      ["₦1.999", /at most 2 digits after the decimal point/],
      ["99999999999999999", /largest gift here is ₦10,000,000/],
      ["1e3", /as a number/],
      ["٣", /as a number/],
      ["-5", /as a number/],
    ];
    for (const [text, expected] of cases) {
      const { status, message } = await giveCustom(campaign.slug, text);
      expect(status, text).toBe(400);
      expect(message, text).toMatch(expected);
    }
    expect(db.select().from(donations).where(eq(donations.campaignId, campaign.id)).all()).toHaveLength(0);
  });
});

describe("an amount typed without ticking “Another amount” (the page has no JavaScript to tick it)", () => {
  async function give(slug: string, fields: Record<string, string>) {
    const body = { name: "Ngozi Okafor", email: uniqueEmail("donor"), recognition: "named", method: "bank_transfer", ...fields };
    return runRoute(() => donateAction(routeArgs({ request: formRequest(`/donate/${slug}`, body), params: { slug }, context: loadContext(freshIp()) })));
  }

  it("is taken as the gift, within the same bounds", async () => {
    const campaign = createOpenCampaign();
    expect((await give(campaign.slug, { customAmount: "7,500" })).status).toBe(303);
    expect(db.select().from(donations).where(eq(donations.campaignId, campaign.id)).all()).toMatchObject([{ amount: 7_500_00, tierId: null }]);
    const tooSmall = await give(campaign.slug, { customAmount: "5" });
    expect(tooSmall.status).toBe(400);
    expect((tooSmall.data as { error: Record<string, string[]> }).error.customAmount?.[0]).toMatch(/smallest gift/);
  });

  it("still asks for a gift when neither a gift nor an amount is given", async () => {
    const campaign = createOpenCampaign();
    const result = await give(campaign.slug, { customAmount: "  " });
    expect(result.status).toBe(400);
    expect((result.data as { error: Record<string, string[]> }).error.gift?.[0]).toMatch(/Choose a gift/);
    expect(db.select().from(donations).where(eq(donations.campaignId, campaign.id)).all()).toHaveLength(0);
  });
});
