import { getOrganisation } from "~/modules/organisation/index.server";
import { syncCheckoutSession } from "../checkout.server";
import { startStripeCheckout, stripeConfigured } from "../payments.server";
import { refundStripeGift } from "../refunds.server";
import { handleStripeWebhook } from "../webhooks.server";
import type { PaymentProvider } from "./types";

/** Stripe Checkout, as ADR 0015 describes it: for sponsors abroad, and for Naira when Paystack is not set up. */
export const stripeProvider: PaymentProvider<"stripe"> = {
  key: "stripe",
  label: "Stripe",
  currencies: "any",
  intervals: new Set(["one_off", "monthly"]),
  available: () => stripeConfigured() && getOrganisation().stripeEnabled,
  startPayment: startStripeCheckout,
  ownsReturn: (query) => query.has("session_id"),
  confirmReturn: (slug, query, viewerUserId) => syncCheckoutSession(slug, query.get("session_id") ?? "", viewerUserId),
  handleWebhook: (delivery) => handleStripeWebhook(delivery.rawBody, delivery.header("stripe-signature")),
  refund: refundStripeGift,
};
