import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { markDonationPaid } from "~/modules/sponsorship/fulfilment.server";
import { loader as donateLoader } from "~/routes/donate.$slug";
import { loader as transferLoader } from "~/routes/donate.$slug_.transfer.$donationId";
import { loader as sponsorsLoader } from "~/routes/sponsors";
import { clock } from "~/utils/clock.server";
import { getRequest, loadContext, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, pledgeTransfer } from "../support/sponsorship-factories";
import { updateOrganisation } from "~/modules/organisation/index.server";

const T0 = Date.UTC(2026, 10, 25, 9, 0);

beforeAll(() => {
  clock.set(T0);
  updateOrganisation({ bankTransferDetails: "Demo Bank Plc\nAccount 0123456789" });
});
afterAll(() => clock.set(null));

// Loader data of public pages is served as JSON too (`/sponsors.data`), whatever the HTML shows.
describe("the sponsor wall's public data", () => {
  it("never carries a gift's id, which would open its transfer page and name an anonymous donor", async () => {
    const campaign = createOpenCampaign();
    const pledge = pledgeTransfer(campaign, { name: "Secret Benefactor", recognition: "anonymous", message: "Keep going" });
    db.transaction((tx) => markDonationPaid(tx, pledge.id, { now: T0 }), { behavior: "immediate" });

    const wall = await runRoute(() => sponsorsLoader(routeArgs({ request: getRequest("/sponsors"), params: {}, context: loadContext() })));
    const page = await runRoute(() =>
      donateLoader(routeArgs({ request: getRequest(`/donate/${campaign.slug}`), params: { slug: campaign.slug }, context: loadContext() })),
    );
    for (const result of [wall, page]) {
      const json = JSON.stringify(result.data);
      expect(json).toContain("Keep going");
      expect(json).toContain("Anonymous");
      expect(json).not.toContain("Secret Benefactor");
      expect(json).not.toContain(pledge.id);
    }

    // The id is what the transfer page is keyed by: it shows the donor's real name.
    const transfer = await runRoute(() =>
      transferLoader(routeArgs({ request: getRequest("/"), params: { slug: campaign.slug, donationId: pledge.id }, context: loadContext() })),
    );
    expect((transfer.data as { donorName: string }).donorName).toBe("Secret Benefactor");
  });
});
