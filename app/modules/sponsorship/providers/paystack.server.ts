import { getOrganisation } from "~/modules/organisation/index.server";
import { paystackSettings } from "./paystack-client.server";
import { confirmPaystackReturn, returnedReference, startPaystackPayment } from "./paystack-payments.server";
import { paystackManageUrl } from "./paystack-subscriptions.server";
import { refundPaystackGift } from "./paystack-refunds.server";
import { handlePaystackWebhook } from "./paystack-webhooks.server";
import type { PaymentProvider } from "./types";

/**
 * The currencies Paystack takes (its documentation, December 2026), each in its subunit like
 * ours: Naira, Ghanaian cedi, South African rand, Kenyan shilling, Egyptian pound and US dollars.
 * Its zero-decimal currencies (CFA franc, Rwandan franc) are left out until their subunit is
 * confirmed.
 */
export const PAYSTACK_CURRENCIES: ReadonlySet<string> = new Set(["NGN", "GHS", "ZAR", "KES", "EGP", "USD"]);

/** Paystack's hosted checkout: Naira cards, bank transfers and USSD from sponsors at home. */
export const paystackProvider: PaymentProvider<"paystack"> = {
  key: "paystack",
  label: "Paystack",
  currencies: PAYSTACK_CURRENCIES,
  // Monthly gifts follow a Paystack plan: the first month is paid on its checkout, then Paystack renews.
  intervals: new Set(["one_off", "monthly"]),
  available: () => paystackSettings() !== null && getOrganisation().paystackEnabled,
  startPayment: startPaystackPayment,
  ownsReturn: (query) => returnedReference(query) !== null,
  confirmReturn: confirmPaystackReturn,
  handleWebhook: handlePaystackWebhook,
  refund: refundPaystackGift,
  manageRecurringUrl: paystackManageUrl,
};
