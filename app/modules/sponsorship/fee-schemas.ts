import { z } from "zod";
import { amountProblem, parseAmount } from "~/utils/money";
import { EDITABLE_FEE_RATES, MAX_PERCENT_BASIS_POINTS, type FeeRate } from "./fees";

// Shared by the server and the browser: nothing here may import server code (types only).

export type EditableFeeRate = (typeof EDITABLE_FEE_RATES)[number];

const PROVIDER_NAMES = { paystack: "Paystack", stripe: "Stripe" } as const;

/** "Paystack, Naira (NGN)": the heading of one rate's fields. */
export function feeRateTitle(key: EditableFeeRate): string {
  const [provider, currency] = key.split(":") as [keyof typeof PROVIDER_NAMES, string];
  return `${PROVIDER_NAMES[provider]}, ${currency}`;
}

/** The form's field names for one rate: `paystack_NGN_percent` and so on. */
export function feeFieldNames(key: EditableFeeRate) {
  const base = key.replace(":", "_");
  return { percent: `${base}_percent`, fixed: `${base}_fixed`, fixedAbove: `${base}_fixedAbove`, cap: `${base}_cap` } as const;
}

const PERCENT = /^\d{1,2}(\.\d{1,2})?$/;

function percentToBasisPoints(text: string): number | null {
  if (!PERCENT.test(text)) return null;
  const [whole, fraction = ""] = text.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

function moneyIn(ctx: z.RefinementCtx, path: string, text: string, currency: string, blankMeans: number | null): number | null | undefined {
  if (text === "") return blankMeans;
  const minor = parseAmount(text, currency);
  if (minor === null) {
    const problem = amountProblem(text, currency);
    ctx.addIssue({ code: "custom", path: [path], message: problem === "decimals" ? "Use at most 2 digits after the decimal point" : "Enter an amount as a number, like 100 or 0.20" });
    return undefined;
  }
  return minor;
}

const shortText = z.string().trim().max(20, "That is too long").default("");

/** The "Card fees" form on /admin/settings: whether donors are offered it, and each provider's price. */
export const cardFeesSchema = z
  .object({
    intent: z.literal("card-fees"),
    coverFeesOffered: z.boolean().optional().default(false),
    ...Object.fromEntries(EDITABLE_FEE_RATES.flatMap((key) => Object.values(feeFieldNames(key)).map((name) => [name, shortText]))),
  })
  .transform((value, ctx) => {
    const fields = value as unknown as Record<string, string>;
    const feeRates: Record<string, FeeRate> = {};
    for (const key of EDITABLE_FEE_RATES) {
      const names = feeFieldNames(key);
      const currency = key.split(":")[1];
      const percent = percentToBasisPoints(fields[names.percent]);
      if (percent === null || percent > MAX_PERCENT_BASIS_POINTS) {
        ctx.addIssue({ code: "custom", path: [names.percent], message: `Enter the percentage as a number up to ${MAX_PERCENT_BASIS_POINTS / 100}, like 1.5` });
      }
      const fixed = moneyIn(ctx, names.fixed, fields[names.fixed], currency, 0);
      const fixedAbove = moneyIn(ctx, names.fixedAbove, fields[names.fixedAbove], currency, 0);
      const cap = moneyIn(ctx, names.cap, fields[names.cap], currency, null);
      if (percent === null || percent > MAX_PERCENT_BASIS_POINTS || fixed == null || fixedAbove == null || cap === undefined) continue;
      if (cap !== null && cap <= 0) {
        ctx.addIssue({ code: "custom", path: [names.cap], message: "Leave the cap empty for none, or enter more than zero" });
        continue;
      }
      feeRates[key] = { percentBasisPoints: percent, fixed, fixedAbove, cap };
    }
    return { coverFeesOffered: value.coverFeesOffered, feeRates };
  });
