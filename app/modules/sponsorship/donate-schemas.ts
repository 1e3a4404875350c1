import { z } from "zod";
import type { PaymentMethod, Recognition } from "~db/schema";
import { amountProblem, currencyExponent, formatMoney, parseAmount } from "~/utils/money";
import { memoized } from "~/utils/memo";
import { INTERVAL_OPTIONS } from "./campaign-schemas";

// Shared by the server and the browser: nothing here may import server code (types only).

export const CUSTOM_GIFT = "custom";

export const RECOGNITION_OPTIONS = ["named", "anonymous", "unlisted"] as const satisfies readonly Recognition[];
export const METHOD_OPTIONS = ["card", "bank_transfer", "cash", "in_kind"] as const satisfies readonly PaymentMethod[];
/** The ways a donor chooses on the donate page; cash and in-kind gifts are recorded by organisers. */
export const DONOR_METHOD_OPTIONS = ["card", "bank_transfer"] as const satisfies readonly PaymentMethod[];
const _allRecognitions: Exclude<Recognition, (typeof RECOGNITION_OPTIONS)[number]> extends never ? true : never = true;
const _allMethods: Exclude<PaymentMethod, (typeof METHOD_OPTIONS)[number]> extends never ? true : never = true;
void _allRecognitions;
void _allMethods;

export const RECOGNITION_CHOICES: Record<Recognition, { label: string; hint: string }> = {
  named: { label: "Show my name", hint: "Your name (and message, if you write one) appears on the sponsor wall." },
  anonymous: { label: "Show me as “Anonymous”", hint: "Your gift and message appear without your name." },
  unlisted: { label: "Do not list me", hint: "Your gift counts towards the total but is not shown on the wall." },
};

export const METHOD_LABELS: Record<PaymentMethod, string> = { card: "Card", bank_transfer: "Bank transfer", cash: "Cash", in_kind: "In kind" };

export type DonateBounds = { currency: string; minAmount: number; maxAmount: number };

/** What the donate page offers for a campaign's currency: only what is set up and switched on. */
export type GivingChoices = {
  /** The payment page's name ("Paystack", "Stripe"), or null when no card payment is possible. */
  card: { key: "stripe" | "paystack"; label: string } | null;
  monthly: boolean;
  bankTransfer: boolean;
};

/**
 * The donate form. A chosen tier is only its id: its amount and interval are read from the
 * database. A custom amount is typed in major units and checked against the campaign's bounds.
 */
function buildDonateSchema(bounds: DonateBounds) {
  const min = formatMoney(bounds.minAmount, bounds.currency);
  const max = formatMoney(bounds.maxAmount, bounds.currency);
  // Without JavaScript nothing ticks "Another amount" for the donor: an amount typed with no gift
  // chosen means that one.
  const typedAmountMeansCustom = (input: unknown) => {
    if (typeof input !== "object" || input === null) return input;
    const fields = input as Record<string, unknown>;
    const typed = typeof fields.customAmount === "string" && fields.customAmount.trim() !== "";
    return !fields.gift && typed ? { ...fields, gift: CUSTOM_GIFT } : input;
  };
  const fields = z
    .object({
      gift: z.string({ error: "Choose a gift, or enter your own amount" }).trim().min(1).max(64),
      customAmount: z.string().trim().max(30, "That amount is too long").optional(),
      interval: z.enum(INTERVAL_OPTIONS, { error: "Choose one-off or monthly" }).default("one_off"),
      name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(100, "Your name is at most 100 characters"),
      email: z.email({ error: "Enter an email address, like name@example.com" }).trim().toLowerCase().max(254),
      recognition: z.enum(RECOGNITION_OPTIONS, { error: "Choose how we may thank you on the sponsor wall" }),
      message: z.string().trim().max(500, "Your message is at most 500 characters").optional(),
      method: z.enum(DONOR_METHOD_OPTIONS, { error: "Choose how you will pay" }),
      coverFee: z.boolean().optional().default(false),
    })
    .transform((value, ctx) => {
      const custom = value.gift === CUSTOM_GIFT;
      let amount: number | null = null;
      if (custom) {
        if (!value.customAmount) {
          ctx.addIssue({ code: "custom", path: ["customAmount"], message: `Enter an amount between ${min} and ${max}` });
        } else {
          amount = parseAmount(value.customAmount, bounds.currency);
          if (amount === null) {
            const problem = amountProblem(value.customAmount, bounds.currency);
            const message =
              problem === "decimals"
                ? `Use at most ${currencyExponent(bounds.currency)} digits after the decimal point, like 5,000.50`
                : problem === "too_large"
                  ? `The largest gift here is ${max}`
                  : "Enter the amount as a number, like 5000 or 5,000.50";
            ctx.addIssue({ code: "custom", path: ["customAmount"], message });
          } else if (amount < bounds.minAmount) {
            ctx.addIssue({ code: "custom", path: ["customAmount"], message: `The smallest gift is ${min}` });
          } else if (amount > bounds.maxAmount) {
            ctx.addIssue({ code: "custom", path: ["customAmount"], message: `The largest gift here is ${max}` });
          }
        }
        if (value.method === "bank_transfer" && value.interval === "monthly") {
          ctx.addIssue({ code: "custom", path: ["method"], message: "Monthly gifts are by card only: choose one-off to pay by bank transfer" });
        }
      }
      return {
        tierId: custom ? null : value.gift,
        amount,
        interval: value.interval,
        name: value.name,
        email: value.email,
        recognition: value.recognition,
        message: value.message ?? "",
        method: value.method,
        coverFee: value.method === "card" && value.coverFee,
      };
    });
  return z.preprocess(typedAmountMeansCustom, fields);
}

/** The donate form for a campaign's currency and bounds (the same bounds, the same schema). */
export const donateSchema = memoized((bounds: DonateBounds) => `${bounds.currency} ${bounds.minAmount} ${bounds.maxAmount}`, buildDonateSchema);

