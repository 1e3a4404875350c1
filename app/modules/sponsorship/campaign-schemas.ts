import { z } from "zod";
import type { CampaignStatus, GiftInterval } from "~db/schema";
import { amountProblem, currencyExponent, formatMoney, parseAmount, SUPPORTED_CURRENCIES } from "~/utils/money";

// Shared by the server and the browser: nothing here may import server code (types only).

export const CAMPAIGN_STATUS_OPTIONS = ["draft", "open", "closed"] as const satisfies readonly CampaignStatus[];
export const INTERVAL_OPTIONS = ["one_off", "monthly"] as const satisfies readonly GiftInterval[];
// The lists above must name every value the database allows.
const _allStatuses: Exclude<CampaignStatus, (typeof CAMPAIGN_STATUS_OPTIONS)[number]> extends never ? true : never = true;
const _allIntervals: Exclude<GiftInterval, (typeof INTERVAL_OPTIONS)[number]> extends never ? true : never = true;
void _allStatuses;
void _allIntervals;

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: "Draft", open: "Open", closed: "Closed" };
export const INTERVAL_LABELS: Record<GiftInterval, string> = { one_off: "One-off", monthly: "Monthly" };

const CAMPAIGN_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The largest goal or gift we accept, in major units: far above any real one, far below float trouble. */
const MAX_MAJOR_AMOUNT = 1_000_000_000;
export const MAX_TIERS = 12;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;

const optionalDateTime = z
  .string()
  .trim()
  .regex(LOCAL_DATE_TIME, "Enter a date and time, like 03/12/2026 14:30")
  .transform((value) => LOCAL_DATE_TIME.exec(value)![1])
  .optional();

const moneyText = (missing: string) => z.string({ error: missing }).trim().min(1, missing).max(30, "That amount is too long");

/** Parses a major-unit amount in `currency` into minor units, adding a field error when it does not read. */
function checkAmount(ctx: z.RefinementCtx, path: string, text: string, currency: string, label: string): number | null {
  const Label = `${label[0].toUpperCase()}${label.slice(1)}`;
  const minor = parseAmount(text, currency);
  if (minor === null) {
    const problem = amountProblem(text, currency);
    const message =
      problem === "decimals"
        ? `Use at most ${currencyExponent(currency)} digits after the decimal point in ${label}`
        : problem === "too_large"
          ? `${Label} is too large`
          : `Enter ${label} as a number, like 5000 or 5,000.50`;
    ctx.addIssue({ code: "custom", path: [path], message });
    return null;
  }
  if (minor <= 0) {
    ctx.addIssue({ code: "custom", path: [path], message: `${Label} must be more than zero` });
    return null;
  }
  if (minor > parseAmount(String(MAX_MAJOR_AMOUNT), currency)!) {
    ctx.addIssue({ code: "custom", path: [path], message: `${Label} is too large` });
    return null;
  }
  return minor;
}

const campaignFields = {
  title: z.string({ error: "Enter a title" }).trim().min(3, "A title is at least 3 characters").max(120, "A title is at most 120 characters"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "A web address is at most 80 characters")
    .regex(CAMPAIGN_SLUG_PATTERN, "Use lower-case letters, numbers and hyphens only, like workshop-seats-2027")
    .optional(),
  currency: z.enum(SUPPORTED_CURRENCIES, { error: "Choose a currency" }),
  goal: moneyText("Enter the goal"),
  minAmount: moneyText("Enter the smallest gift you accept"),
  maxAmount: moneyText("Enter the largest gift you accept"),
};

type AmountsInput = { currency: string; goal: string; minAmount: string; maxAmount: string };

function withAmounts<T extends AmountsInput>(value: T, ctx: z.RefinementCtx) {
  const goal = checkAmount(ctx, "goal", value.goal, value.currency, "the goal");
  const minAmount = checkAmount(ctx, "minAmount", value.minAmount, value.currency, "the smallest gift");
  const maxAmount = checkAmount(ctx, "maxAmount", value.maxAmount, value.currency, "the largest gift");
  if (minAmount !== null && maxAmount !== null && maxAmount < minAmount) {
    ctx.addIssue({
      code: "custom",
      path: ["maxAmount"],
      message: `The largest gift must be at least the smallest (${formatMoney(minAmount, value.currency)})`,
    });
  }
  return { ...value, goal: goal ?? 0, minAmount: minAmount ?? 0, maxAmount: maxAmount ?? 0 };
}

/** The short form on /admin/campaigns: enough to start a draft. */
export const newCampaignSchema = z.object(campaignFields).transform(withAmounts);

export const campaignDetailsSchema = z
  .object({
    intent: z.literal("details"),
    ...campaignFields,
    summary: z.string().trim().max(300, "The summary is at most 300 characters").optional(),
    story: z.string().trim().max(20_000, "The story is at most 20,000 characters").optional(),
    status: z.enum(CAMPAIGN_STATUS_OPTIONS, { error: "Choose a status" }),
    startsAt: optionalDateTime,
    endsAt: optionalDateTime,
  })
  .transform(withAmounts);

export type NewCampaignValues = z.output<typeof newCampaignSchema>;
export type CampaignDetailsValues = z.output<typeof campaignDetailsSchema>;

const tierShape = {
  name: z.string({ error: "Enter the tier's name" }).trim().min(2, "A name is at least 2 characters").max(80, "A name is at most 80 characters"),
  amount: moneyText("Enter the amount"),
  interval: z.enum(INTERVAL_OPTIONS, { error: "Choose one-off or monthly" }),
  description: z.string().trim().max(200, "What it pays for is at most 200 characters").optional(),
  // What the donor gets back, if anything: receipts name it with its fair value.
  benefitDescription: z.string().trim().max(200, "What the donor gets back is at most 200 characters").optional(),
  benefitValue: z.string().trim().max(30, "That amount is too long").optional(),
};

function tierAmount(currency: string) {
  return <T extends { amount: string; benefitDescription?: string; benefitValue?: string }>(value: T, ctx: z.RefinementCtx) => {
    const amount = checkAmount(ctx, "amount", value.amount, currency, "the amount") ?? 0;
    const benefitDescription = value.benefitDescription ?? "";
    let benefitValue = 0;
    if (value.benefitValue && !benefitDescription) {
      ctx.addIssue({ code: "custom", path: ["benefitDescription"], message: "Say what the donor gets back, or leave its value empty" });
    } else if (value.benefitValue) {
      benefitValue = checkAmount(ctx, "benefitValue", value.benefitValue, currency, "the fair value") ?? 0;
      if (amount && benefitValue > amount) ctx.addIssue({ code: "custom", path: ["benefitValue"], message: "The fair value of what the donor gets back cannot be more than the gift" });
    }
    return { ...value, amount, benefitDescription, benefitValue };
  };
}

/** Adding a tier; amounts are typed in the campaign's currency. */
export const addTierSchema = (currency: string) =>
  z.object({ intent: z.literal("add-tier"), ...tierShape }).transform(tierAmount(currency));

export const editTierSchema = (currency: string) =>
  z.object({ intent: z.literal("edit-tier"), tierId: z.string().min(1).max(64), ...tierShape }).transform(tierAmount(currency));

export const tierActionSchema = z.object({
  intent: z.enum(["remove-tier", "move-tier"]),
  tierId: z.string().min(1).max(64),
  direction: z.enum(["up", "down"]).optional(),
});

export type TierValues = { name: string; amount: number; interval: GiftInterval; description?: string; benefitDescription?: string; benefitValue?: number };
