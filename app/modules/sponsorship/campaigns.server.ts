import { and, asc, count, desc, eq, gt, isNull, lte, ne, or } from "drizzle-orm";
import { refuse, refuseFields, type FieldErrors, type Outcome } from "~/utils/refusal";
import { db, type Tx } from "~db/client.server";
import { campaigns, campaignTiers, donations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { localInputToInstant } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { MAX_TIERS, type CampaignDetailsValues, type NewCampaignValues, type TierValues } from "./campaign-schemas";
import { slugify } from "~/utils/slug";
import { recordAudit } from "~/modules/organisation/index.server";


export type CampaignRow = typeof campaigns.$inferSelect;
type TierRow = typeof campaignTiers.$inferSelect;
type Saved = Outcome<{ id: string }>;

const NO_CAMPAIGN = refuse("We could not find that campaign.", { status: 404, code: "not-found" });

function slugTaken(tx: Tx, slug: string, exceptId?: string): boolean {
  const where = exceptId ? and(eq(campaigns.slug, slug), ne(campaigns.id, exceptId)) : eq(campaigns.slug, slug);
  return !!tx.select({ id: campaigns.id }).from(campaigns).where(where).get();
}

function uniqueSlug(tx: Tx, base: string): string {
  let slug = base;
  for (let n = 2; slugTaken(tx, slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

const SLUG_TAKEN = { slug: ["Another campaign already uses this web address"] };

export function createCampaign(actorId: string, values: NewCampaignValues): Saved {
  const now = clock.now();
  return db.transaction(
    (tx) => {
      if (values.slug && slugTaken(tx, values.slug)) return refuseFields(SLUG_TAKEN);
      const id = randomId(16);
      const slug = values.slug || uniqueSlug(tx, slugify(values.title, "campaign"));
      tx.insert(campaigns)
        .values({
          id,
          slug,
          title: values.title,
          goalAmount: values.goal,
          currency: values.currency,
          minAmount: values.minAmount,
          maxAmount: values.maxAmount,
          status: "draft",
          createdBy: actorId,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      recordAudit(tx, { actorId, action: "campaign.created", targetType: "campaign", targetId: id, details: { slug } });
      return { ok: true as const, id };
    },
    { behavior: "immediate" },
  );
}

export function getCampaign(id: string): CampaignRow | undefined {
  return db.select().from(campaigns).where(eq(campaigns.id, id)).get();
}

export function tiersOf(campaignId: string): TierRow[] {
  return db.select().from(campaignTiers).where(eq(campaignTiers.campaignId, campaignId)).orderBy(asc(campaignTiers.position)).all();
}

export function listCampaigns(): (CampaignRow & { tiers: number })[] {
  return db
    .select({ campaign: campaigns, tiers: count(campaignTiers.id) })
    .from(campaigns)
    .leftJoin(campaignTiers, eq(campaignTiers.campaignId, campaigns.id))
    .groupBy(campaigns.id)
    .orderBy(desc(campaigns.createdAt))
    .all()
    .map((row) => ({ ...row.campaign, tiers: row.tiers }));
}

export function updateCampaignDetails(actorId: string, id: string, values: CampaignDetailsValues, timeZone: string): Saved {
  const startsAt = values.startsAt ? localInputToInstant(values.startsAt, timeZone) : null;
  const endsAt = values.endsAt ? localInputToInstant(values.endsAt, timeZone) : null;
  const fieldErrors: FieldErrors = {};
  if (values.startsAt && startsAt === null) fieldErrors.startsAt = ["Enter a real date and time"];
  if (values.endsAt && endsAt === null) fieldErrors.endsAt = ["Enter a real date and time"];
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) fieldErrors.endsAt = ["The end must be after the start"];
  if (Object.keys(fieldErrors).length) return refuseFields(fieldErrors);
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const campaign = tx.select().from(campaigns).where(eq(campaigns.id, id)).get();
      if (!campaign) return NO_CAMPAIGN;
      const slug = values.slug || campaign.slug;
      if (slugTaken(tx, slug, id)) return refuseFields(SLUG_TAKEN);
      if (values.currency !== campaign.currency) {
        const given = tx.select({ id: donations.id }).from(donations).where(eq(donations.campaignId, id)).limit(1).get();
        if (given) {
          return refuseFields({ currency: ["The currency cannot change once the campaign has gifts"] });
        }
      }
      tx.update(campaigns)
        .set({
          slug,
          title: values.title,
          summary: values.summary ?? "",
          story: values.story ?? "",
          goalAmount: values.goal,
          currency: values.currency,
          minAmount: values.minAmount,
          maxAmount: values.maxAmount,
          startsAt,
          endsAt,
          status: values.status,
          updatedAt: now,
        })
        .where(eq(campaigns.id, id))
        .run();
      recordAudit(tx, {
        actorId,
        action: "campaign.updated",
        targetType: "campaign",
        targetId: id,
        details: { slug, status: values.status, ...(campaign.status !== values.status ? { previousStatus: campaign.status } : {}) },
      });
      return { ok: true as const, id };
    },
    { behavior: "immediate" },
  );
}

function tierIn(tx: Tx, campaignId: string, tierId: string): TierRow | undefined {
  return tx
    .select()
    .from(campaignTiers)
    .where(and(eq(campaignTiers.id, tierId), eq(campaignTiers.campaignId, campaignId)))
    .get();
}

const DONE = { ok: true } as const;
const NO_TIER = refuse("We could not find that tier.", { status: 404, code: "not-found" });

function touch(tx: Tx, campaignId: string) {
  tx.update(campaigns).set({ updatedAt: clock.now() }).where(eq(campaigns.id, campaignId)).run();
}

/** A benefit without words is no benefit: its value is kept only beside a description. */
function benefitOf(values: TierValues) {
  const benefitDescription = values.benefitDescription?.trim() ?? "";
  return { benefitDescription, benefitValue: benefitDescription ? (values.benefitValue ?? 0) : 0 };
}

export function addTier(actorId: string, campaignId: string, values: TierValues): Saved {
  return db.transaction(
    (tx) => {
      if (!tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId)).get()) return NO_CAMPAIGN;
      const existing = tx.select({ position: campaignTiers.position }).from(campaignTiers).where(eq(campaignTiers.campaignId, campaignId)).all();
      if (existing.length >= MAX_TIERS) return refuseFields({ name: [`A campaign has at most ${MAX_TIERS} tiers`] });
      const id = randomId(16);
      const position = existing.reduce((max, row) => Math.max(max, row.position), 0) + 1;
      tx.insert(campaignTiers)
        .values({ id, campaignId, position, name: values.name, amount: values.amount, interval: values.interval, description: values.description ?? "", ...benefitOf(values) })
        .run();
      touch(tx, campaignId);
      recordAudit(tx, { actorId, action: "campaign.tier_added", targetType: "campaign", targetId: campaignId, details: { tierId: id, name: values.name } });
      return { ok: true as const, id };
    },
    { behavior: "immediate" },
  );
}

export function editTier(actorId: string, campaignId: string, tierId: string, values: TierValues): Outcome {
  return db.transaction(
    (tx): Outcome => {
      if (!tierIn(tx, campaignId, tierId)) return NO_TIER;
      tx.update(campaignTiers)
        .set({ name: values.name, amount: values.amount, interval: values.interval, description: values.description ?? "", ...benefitOf(values) })
        .where(eq(campaignTiers.id, tierId))
        .run();
      touch(tx, campaignId);
      recordAudit(tx, { actorId, action: "campaign.tier_changed", targetType: "campaign", targetId: campaignId, details: { tierId, name: values.name } });
      return DONE;
    },
    { behavior: "immediate" },
  );
}

export function removeTier(actorId: string, campaignId: string, tierId: string): Outcome {
  return db.transaction(
    (tx): Outcome => {
      const tier = tierIn(tx, campaignId, tierId);
      if (!tier) return NO_TIER;
      // Gifts keep their own amount and interval; only the link to the tier goes.
      tx.delete(campaignTiers).where(eq(campaignTiers.id, tierId)).run();
      touch(tx, campaignId);
      recordAudit(tx, { actorId, action: "campaign.tier_removed", targetType: "campaign", targetId: campaignId, details: { tierId, name: tier.name } });
      return DONE;
    },
    { behavior: "immediate" },
  );
}

/** Swaps a tier with its neighbour; at either end nothing changes. */
export function moveTier(actorId: string, campaignId: string, tierId: string, direction: "up" | "down"): Outcome {
  return db.transaction(
    (tx): Outcome => {
      if (!tierIn(tx, campaignId, tierId)) return NO_TIER;
      const ordered = tx.select().from(campaignTiers).where(eq(campaignTiers.campaignId, campaignId)).orderBy(asc(campaignTiers.position)).all();
      const index = ordered.findIndex((tier) => tier.id === tierId);
      const other = direction === "up" ? index - 1 : index + 1;
      if (other < 0 || other >= ordered.length) return DONE;
      [ordered[index], ordered[other]] = [ordered[other], ordered[index]];
      ordered.forEach((tier, i) => tx.update(campaignTiers).set({ position: i + 1 }).where(eq(campaignTiers.id, tier.id)).run());
      touch(tx, campaignId);
      recordAudit(tx, { actorId, action: "campaign.tiers_reordered", targetType: "campaign", targetId: campaignId, details: { tierId, direction } });
      return DONE;
    },
    { behavior: "immediate" },
  );
}

/** Open campaigns taking gifts now, newest first, for /donate. */
export function listOpenCampaigns(now: number): CampaignRow[] {
  return db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.status, "open"),
        or(isNull(campaigns.startsAt), lte(campaigns.startsAt, now)),
        or(isNull(campaigns.endsAt), gt(campaigns.endsAt, now)),
      ),
    )
    .orderBy(desc(campaigns.createdAt))
    .all();
}

export const campaignPath = (slug: string) => `/donate/${slug}`;

/** The address of a campaign's share card; the version makes apps fetch it again after an edit. */
export const campaignCardPath = (campaign: Pick<CampaignRow, "slug" | "updatedAt">) => `${campaignPath(campaign.slug)}.png?v=${campaign.updatedAt}`;

/** A campaign's public page: open and closed ones show; drafts only to organisers. */
export function publicCampaignBySlug(slug: string, options: { includeDrafts?: boolean } = {}): CampaignRow | undefined {
  const campaign = db.select().from(campaigns).where(eq(campaigns.slug, slug)).get();
  if (!campaign || (campaign.status === "draft" && !options.includeDrafts)) return undefined;
  return campaign;
}

/** Whether gifts are taken now, and if not, why (for the page to say). */
export function givingClosedReason(campaign: CampaignRow): string | null {
  return closedReasonAt(campaign, clock.now());
}

export function closedReasonAt(campaign: CampaignRow, now: number): string | null {
  if (campaign.status === "draft") return "This campaign is a draft: it takes no gifts until it is opened.";
  if (campaign.status === "closed") return "This campaign has closed. Thank you to everyone who gave.";
  if (campaign.startsAt !== null && now < campaign.startsAt) return "This campaign has not opened for gifts yet.";
  if (campaign.endsAt !== null && now >= campaign.endsAt) return "This campaign has ended. Thank you to everyone who gave.";
  return null;
}
