/** A Naira campaign for the Paystack specs, written straight to the server's database. */
export async function createNairaCampaign(title: string) {
  const { db } = await import("~db/client.server");
  const { campaigns, campaignTiers } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const id = randomId(16);
  const slug = `naira-${id.slice(0, 10)}`;
  const now = Date.now();
  db.insert(campaigns)
    .values({ id, slug, title, summary: "Laptops for the job club.", story: "Help people apply for work.", goalAmount: 50_000_000, currency: "NGN", minAmount: 100_000, maxAmount: 100_000_000, status: "open", createdAt: now, updatedAt: now })
    .run();
  db.insert(campaignTiers).values({ id: randomId(16), campaignId: id, position: 0, name: "A workshop seat", amount: 500_000, interval: "one_off", description: "One person, one day." }).run();
  return { id, slug, title };
}

/** The Paystack reference of the gift a donor started, as stored on it. */
export async function paystackReferenceOf(email: string): Promise<string> {
  const { db } = await import("~db/client.server");
  const { donations } = await import("~db/schema");
  const { desc, eq } = await import("drizzle-orm");
  const row = db.select({ reference: donations.providerReference }).from(donations).where(eq(donations.donorEmail, email)).orderBy(desc(donations.createdAt)).get();
  if (!row?.reference) throw new Error(`No Paystack gift from ${email}`);
  return row.reference;
}

/** A ₦10,000-a-month tier on the campaign. */
export async function addMonthlyTier(campaignId: string) {
  const { db } = await import("~db/client.server");
  const { campaignTiers } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  db.insert(campaignTiers).values({ id: randomId(16), campaignId, position: 1, name: "A month of mentoring", amount: 1_000_000, interval: "monthly", description: "Two sessions a month." }).run();
}
