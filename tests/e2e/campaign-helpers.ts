type CampaignValues = { slugPrefix?: string; story?: string; goalAmount?: number; minAmount?: number; maxAmount?: number };

/** An open Naira campaign written straight into the database, for gifts recorded against it. */
export async function createCampaign(title: string, values: CampaignValues = {}) {
  const { db } = await import("~db/client.server");
  const { campaigns } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const { slugPrefix = "in-person", story = "Laptops for the hub.", goalAmount = 5_000_000_00, minAmount = 1_000_00, maxAmount = 500_000_00 } = values;
  const id = randomId(16);
  const now = Date.now();
  db.insert(campaigns)
    .values({ id, slug: `${slugPrefix}-${id.slice(0, 10)}`, title, story, goalAmount, currency: "NGN", minAmount, maxAmount, status: "open", createdAt: now, updatedAt: now })
    .run();
  return { id, title };
}
