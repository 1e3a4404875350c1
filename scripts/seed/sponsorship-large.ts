import type { Db } from "~db/client.server";
import { donations, type GiftInterval, type Recognition } from "~db/schema";
import { DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { nextReceiptNumber, publicCampaignBySlug, tiersOf } from "~/modules/sponsorship/index.server";
import { DEMO_CAMPAIGN_SLUG } from "./sponsorship";

// The benchmark's 5,000 paid card gifts to the demo campaign, so /donate/workshop-seats-2027 is
// measured with a long history. Written straight in for speed, oldest first so the receipt
// numbers follow the dates, all made while the campaign was open and paid two minutes later.

const FIRST = ["Ada", "Bola", "Chidi", "Dayo", "Ebere", "Femi", "Gbenga", "Halima", "Ike", "Jide", "Kemi", "Lola", "Musa", "Nneka", "Obi", "Pelumi"];
const LAST = ["Okafor", "Adeyemi", "Bello", "Eze", "Nwosu", "Okon", "Balogun", "Uche", "Ibrahim", "Lawal"];
const RECOGNITION_CYCLE: Recognition[] = ["named", "named", "anonymous", "unlisted"];

export function seedLargeGiving(db: Db, { now, timeZone, scale = 1 }: { now: number; timeZone: string; scale?: number }) {
  const campaign = publicCampaignBySlug(DEMO_CAMPAIGN_SLUG)!;
  const oneOff = tiersOf(campaign.id).filter((tier) => tier.interval === "one_off");
  // 5,000 gifts over 85 days, times `scale` (over at most two years).
  const days = Math.min(85 * scale, 730);
  const gifts = Array.from({ length: 5000 * scale }, (_, i) => ({ i, at: now - (i % days) * DAY - (i % 24) * HOUR - 30 * MINUTE })).sort((a, b) => a.at - b.at);
  db.transaction(
    (tx) => {
      for (const { i, at } of gifts) {
        const tier = i % 3 === 0 ? null : oneOff[i % oneOff.length];
        const paidAt = at + 2 * MINUTE;
        const interval: GiftInterval = tier?.interval ?? "one_off";
        tx.insert(donations)
          .values({
            id: randomId(16),
            campaignId: campaign.id,
            tierId: tier?.id ?? null,
            amount: tier?.amount ?? 1_000_00 + (i % 50) * 500_00,
            currency: "NGN",
            interval,
            method: "card",
            status: "paid",
            donorName: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
            donorEmail: `donor${i % 3000}@example.net`,
            recognition: RECOGNITION_CYCLE[i % RECOGNITION_CYCLE.length],
            message: i % 5 === 0 ? `Gift number ${i + 1}: keep going!` : "",
            receiptNumber: nextReceiptNumber(tx, paidAt, timeZone),
            receiptTokenHash: hashToken(randomId(20)),
            paidAt,
            createdAt: at,
            updatedAt: paidAt,
          })
          .run();
      }
    },
    { behavior: "immediate" },
  );
}
