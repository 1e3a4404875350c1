import { CHANNELS, type Channel, type outbox } from "~db/schema";
import { DEFERRABLE_KINDS, messageKindOf, type MessageKind } from "~emails/message-kinds";
import { isNotificationKind } from "~emails/registry";
import { isPlaceholderAddress } from "~/utils/redact.server";
import type { Organisation } from "~/modules/organisation/index.server";
import { contactByEmail, contactOf, isSmsOptedOut, type Contact } from "./contact-book.server";
import { hasTurnedOff } from "./preferences.server";

type OutboxRow = typeof outbox.$inferSelect;

export type Route = { channel: Channel; to: string };

/** Where a message goes next, or why it goes nowhere. */
export type Routing = { routes: Route[]; none: null } | { routes: []; none: { reason: string; turnedOff: boolean } };

type ChannelSettings = Pick<Organisation, "channelsEnabled" | "channelDefaults">;

/** Without a default from organisers, a kind goes by email first, then by the phone. */
const BUILT_IN_ORDER: readonly Channel[] = ["email", "whatsapp", "sms"];

const asChannels = (values: readonly string[]) => values.filter((value): value is Channel => (CHANNELS as readonly string[]).includes(value));

/** The organisation's order for a kind, with the person's preferred channel first. */
function defaultOrder(kind: MessageKind, settings: ChannelSettings, preferred: Channel | null): Channel[] {
  const base = asChannels(settings.channelDefaults[kind] ?? BUILT_IN_ORDER);
  return preferred ? [preferred, ...base.filter((channel) => channel !== preferred)] : base;
}

/** The channels the person allows for a kind, in their order: their own choice, else the defaults. */
export function allowedChannels(kind: MessageKind, contact: Contact | undefined, settings: ChannelSettings): Channel[] {
  const own = contact?.channelChoices[kind];
  return own ? asChannels(own) : defaultOrder(kind, settings, contact?.preferredChannel ?? null);
}

/** The contact of a message's person: by their account when it was known when queued, else by the address. */
export function contactFor(row: OutboxRow): Contact | undefined {
  if (row.onlyChannel) return undefined;
  return row.userId ? contactOf(row.userId) : contactByEmail(row.recipient);
}

function phoneOf(contact: Contact | undefined): string | null {
  return contact?.phone && contact.phoneVerifiedAt ? contact.phone : null;
}

/** How a channel reaches this person now, or null when it cannot (no number, opted out, switched off). */
function reach(channel: Channel, row: OutboxRow, contact: Contact | undefined, enabled: ReadonlySet<string>, kind: MessageKind): Route | null {
  if (channel === "email") {
    if (isPlaceholderAddress(row.recipient)) return null;
    // An address that turned a kind of email off (by its link, signed in or not) keeps it off.
    if (isNotificationKind(kind) && hasTurnedOff(row.recipient, kind)) return null;
    return { channel, to: row.recipient };
  }
  if (!enabled.has(channel)) return null;
  const phone = phoneOf(contact);
  if (!phone) return null;
  if (channel === "sms") return isSmsOptedOut(phone) ? null : { channel, to: phone };
  return contact?.whatsappOptInAt ? { channel, to: phone } : null;
}

/**
 * The channels a message may still go out on, best first (ADR 0031): the ones the person allows
 * for its kind, switched on by organisers, that can reach them, not yet failed. A message that is
 * not optional (a receipt, a booking) that has run out of them goes by any channel that still
 * reaches the person, email first: it must arrive. An optional one the person turned off goes
 * nowhere.
 */
export function routeMessage(row: OutboxRow, contact: Contact | undefined, settings: ChannelSettings): Routing {
  const failed = new Set(row.failedChannels.map((entry) => entry.channel));
  if (row.onlyChannel) {
    return failed.has(row.onlyChannel)
      ? { routes: [], none: { reason: `The ${row.onlyChannel === "sms" ? "SMS" : row.onlyChannel} could not be delivered.`, turnedOff: false } }
      : { routes: [{ channel: row.onlyChannel, to: row.recipient }], none: null };
  }
  const kind = messageKindOf(row.template);
  const enabled = new Set(["email", ...settings.channelsEnabled]);
  const allowed = allowedChannels(kind, contact, settings);
  const pick = (channels: readonly Channel[]) =>
    channels.filter((channel) => !failed.has(channel)).flatMap((channel) => reach(channel, row, contact, enabled, kind) ?? []);
  const routes = pick(allowed);
  if (routes.length) return { routes, none: null };
  if (!DEFERRABLE_KINDS.has(kind)) {
    const anyWay = pick(["email", "sms", "whatsapp"]);
    if (anyWay.length) return { routes: anyWay, none: null };
  }
  const turnedOff = failed.size === 0 && DEFERRABLE_KINDS.has(kind);
  const reason = turnedOff
    ? "The person turned this kind of message off, or has no channel it can go by."
    : failed.size
      ? `Every channel failed: ${row.failedChannels.map((entry) => `${entry.channel} (${entry.reason})`).join("; ")}.`
      : "No channel reaches this person.";
  return { routes: [], none: { reason, turnedOff } };
}
