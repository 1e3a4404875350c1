import type { GiftInterval, PaymentProvider as OnlineProviderKey } from "~db/schema";
import type { Outcome } from "~/utils/refusal";
import type { ThanksView } from "../thanks-view.server";

export type { OnlineProviderKey };
/** The online providers (stored on each gift they take) and the organisation's own bank account. */
export type ProviderKey = OnlineProviderKey | "bank_transfer";

export type RefundRequest = { donationId: string; amount?: number; reason: string; actorId: string };
/**
 * `settled`: the refund is applied to the gift already (Stripe); false while the provider still works on it (Paystack).
 * `byHand`: the organisation sent the money back itself and this only records it (a bank transfer).
 */
export type RefundOutcome = Outcome<{ provider: string; amount: number; settled: boolean; byHand: boolean }>;

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
 * A way of taking a gift. Every provider keeps the same guarantees (ADR 0027): amounts come from
 * the stored gift, a gift is paid only on the provider's own word (its API or a signed event,
 * never the donor's return alone; for a bank transfer, the bank's statement or an organiser who
 * read it), and each event's effect is applied exactly once.
 */
export interface PaymentProvider<Key extends ProviderKey = ProviderKey> {
  readonly key: Key;
  /** Shown to donors: "You pay on {label}'s secure page". */
  readonly label: string;
  /** ISO 4217 codes it can take ("any": the provider takes far more than a campaign would use). */
  readonly currencies: ReadonlySet<string> | "any";
  /** The kinds of gift it can take; monthly needs the provider's subscriptions. */
  readonly intervals: ReadonlySet<GiftInterval>;
  /** Its key is configured and organisers have it switched on. */
  available(): boolean;
  /** Opens the page where the donor pays a pending gift (the provider's, or ours with the bank details) and returns its address. */
  startPayment(donationId: string): Promise<string>;
  /** Hosted checkouts only: true when the query string of a return to the thanks page is this provider's. */
  ownsReturn?(query: URLSearchParams): boolean;
  /** Checks with the provider, applies the same fulfilment as its webhook, reports the gift. Null: not a gift to this campaign. */
  confirmReturn?(slug: string, query: URLSearchParams, viewerUserId: string | null): Promise<ThanksView | null>;
  /** Signed events from the provider; a bank speaks through its statement instead (ADR 0028). */
  handleWebhook?(delivery: WebhookDelivery): WebhookReply;
  /** Returns all or part of a paid gift (the rest still unrefunded when no amount is given), for an organiser with a reason. */
  refund?(request: RefundRequest): Promise<RefundOutcome>;
  manageRecurringUrl?(donationId: string): Promise<string | null>;
}
