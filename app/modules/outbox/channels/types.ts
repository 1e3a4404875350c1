import type { DeliveryStatus } from "~db/schema";

/** What a provider answered when it took a message. */
export type Accepted = { provider: string; providerMessageId: string; segments?: number };

/**
 * A provider's refusal that no retry on the same channel can change (a number that cannot get
 * SMS, one that opted out, a WhatsApp number that does not exist): the message moves on to the
 * next channel the person allows at once. Any other error is retried on the same channel.
 */
export class ChannelRefusal extends Error {
  constructor(
    message: string,
    readonly optedOut = false,
  ) {
    super(message);
    this.name = "ChannelRefusal";
  }
}

export type SmsMessage = {
  /** E.164, with the plus. */
  to: string;
  text: string;
  /** Our outbox id, sent where the provider keeps a client reference. */
  reference: string;
};

/** An SMS provider (Termii, Africa's Talking), through `fetch` with zod-checked answers. */
export interface SmsGateway {
  readonly key: "termii" | "africastalking";
  send(message: SmsMessage): Promise<Accepted>;
}

/** A WhatsApp template message: Meta-approved template name, its language and body parameters in order. */
export type WhatsAppTemplate = { name: string; language: string; params: string[] };

export type WhatsAppMessage = { to: string; template: WhatsAppTemplate; reference: string };

/** The WhatsApp Cloud API. */
export interface WhatsAppGateway {
  readonly key: "whatsapp";
  send(message: WhatsAppMessage): Promise<Accepted>;
}

/** One status a provider reported for a message it took, parsed from its callback. */
export type DeliveryReport = {
  provider: string;
  providerMessageId: string;
  status: DeliveryStatus;
  /** The provider's own time for the status (ms), or when it arrived. */
  reportedAt: number;
  reason?: string;
  /** The number asked not to get SMS (STOP, or the provider's opt-out code). */
  optedOut?: boolean;
};
