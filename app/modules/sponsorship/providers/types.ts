import type { GiftInterval, PaymentProvider as ProviderKey } from "~db/schema";
import type { Outcome } from "~/utils/refusal";
import type { ThanksView } from "../thanks-view.server";

export type { ProviderKey };

export type RefundRequest = { donationId: string; amount?: number; reason: string; actorId: string };
/** `settled`: the refund is applied to the gift already (Stripe); false while the provider still works on it (Paystack). */
export type RefundOutcome = Outcome<{ provider: string; amount: number; settled: boolean }>;

export type { ThanksView };

/** One webhook delivery as the route read it: the raw bytes (never re-serialised), its headers and sender. */
export type WebhookDelivery = {
  rawBody: string;
  header(name: string): string | null;
  clientIp: string;
};

/** 409: not applicable yet (a refund before its payment); the provider delivers it again later. */
export type WebhookReply = { status: 200 | 400 | 401 | 403 | 409 | 422; body: string };

/**
 * A way of taking a gift online. Every provider keeps the same guarantees (ADR 0027): amounts come
 * from the stored gift, a gift is paid only on the provider's own word (its API or a signed
 * event, never the donor's return alone), and each event's effect is applied exactly once.
 */
export interface PaymentProvider {
  readonly key: ProviderKey;
  /** Shown to donors: "You pay on {label}'s secure page". */
  readonly label: string;
  /** ISO 4217 codes it can take ("any": the provider takes far more than a campaign would use). */
  readonly currencies: ReadonlySet<string> | "any";
  /** The kinds of gift it can take; monthly needs the provider's subscriptions. */
  readonly intervals: ReadonlySet<GiftInterval>;
  /** Its key is configured and organisers have it switched on. */
  available(): boolean;
  /** Opens the provider's payment page for a pending gift and returns its address. */
  startPayment(donationId: string): Promise<string>;
  /** True when the query string of a return to the thanks page is this provider's. */
  ownsReturn(query: URLSearchParams): boolean;
  /** Checks with the provider, applies the same fulfilment as its webhook, reports the gift. Null: not a gift to this campaign. */
  confirmReturn(slug: string, query: URLSearchParams, viewerUserId: string | null): Promise<ThanksView | null>;
  handleWebhook(delivery: WebhookDelivery): WebhookReply;
  /** Returns all or part of a paid gift (the rest still unrefunded when no amount is given), for an organiser with a reason. */
  refund?(request: RefundRequest): Promise<RefundOutcome>;
  manageRecurringUrl?(donationId: string): Promise<string | null>;
}
