import { getOrganisation } from "~/modules/organisation/index.server";
import { paystackSettings } from "./paystack-client.server";
import { confirmPaystackReturn, returnedReference, startPaystackPayment } from "./paystack-payments.server";
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
export const paystackProvider: PaymentProvider = {
  key: "paystack",
  label: "Paystack",
  currencies: PAYSTACK_CURRENCIES,
  // Monthly gifts through Paystack's plans come next; until then they go to Stripe if it is set up.
  intervals: new Set(["one_off"]),
  available: () => paystackSettings() !== null && getOrganisation().paystackEnabled,
  startPayment: startPaystackPayment,
  ownsReturn: (query) => returnedReference(query) !== null,
  confirmReturn: confirmPaystackReturn,
  handleWebhook: handlePaystackWebhook,
};
