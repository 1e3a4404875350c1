import { db } from "~db/client.server";
import type { Channel } from "~db/schema";
import { CHANNEL_LIST, DEFERRABLE_KINDS, MESSAGE_KIND_LABELS, MESSAGE_KINDS, type MessageKind } from "~emails/message-kinds";
import { isNotificationKind, NOTIFICATION_KINDS } from "~emails/registry";
import { clock } from "~/utils/clock.server";
import { isPlaceholderAddress } from "~/utils/redact.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { allowedChannels } from "./channel-routing.server";
import { contactOf, saveChannelChoices } from "./contact-book.server";
import { notificationChoicesFor, saveNotificationChoices } from "./preferences.server";

type Person = { id: string; email: string };

export type KindChoice = { kind: MessageKind; label: string; optional: boolean; channels: Channel[] };

export type ChannelPreferences = {
  /** The channels organisers switched on: email always. */
  enabled: Channel[];
  email: string | null;
  phone: string | null;
  whatsapp: boolean;
  preferred: Channel;
  kinds: KindChoice[];
};

function enabledChannels(): Channel[] {
  const on = new Set(["email", ...getOrganisation().channelsEnabled]);
  return CHANNEL_LIST.filter((channel) => on.has(channel));
}

/** Organisers' messages are for organisers only; everyone else is offered every other kind. */
const shownKinds = (organiser: boolean) => MESSAGE_KINDS.filter((kind) => organiser || kind !== "organising");

/** The person's page of channels: what reaches them, and per kind the channels allowed today. */
export function channelPreferencesFor(person: Person, options: { organiser: boolean }): ChannelPreferences {
  const settings = getOrganisation();
  const contact = contactOf(person.id);
  const enabled = enabledChannels();
  const emailOff = new Set(notificationChoicesFor(person.email).filter((choice) => !choice.on).map((choice) => choice.kind));
  const kinds = shownKinds(options.organiser).map((kind) => ({
    kind,
    label: MESSAGE_KIND_LABELS[kind],
    optional: DEFERRABLE_KINDS.has(kind),
    channels: allowedChannels(kind, contact, settings).filter((channel) => enabled.includes(channel) && !(channel === "email" && isNotificationKind(kind) && emailOff.has(kind))),
  }));
  const phone = contact?.phone && contact.phoneVerifiedAt ? contact.phone : null;
  return {
    enabled,
    email: isPlaceholderAddress(person.email) ? null : person.email,
    phone,
    whatsapp: Boolean(phone && contact?.whatsappOptInAt),
    preferred: contact?.preferredChannel ?? "email",
    kinds,
  };
}

/**
 * Saves the channels form. Each kind keeps the channels ticked, the preferred one first; a
 * notification kind with email unticked is also turned off for the address, so its one-click
 * links and this page agree.
 */
export function saveChannelPreferences(person: Person, input: { preferred: Channel; choices: Partial<Record<MessageKind, Channel[]>>; organiser: boolean }): void {
  const enabled = enabledChannels();
  const choices: Record<string, Channel[]> = {};
  for (const kind of shownKinds(input.organiser)) {
    const ticked = (input.choices[kind] ?? []).filter((channel) => enabled.includes(channel));
    choices[kind] = [...ticked].sort((a, b) => (a === input.preferred ? -1 : b === input.preferred ? 1 : CHANNEL_LIST.indexOf(a) - CHANNEL_LIST.indexOf(b)));
  }
  const emailOn = NOTIFICATION_KINDS.filter((kind) => choices[kind]?.includes("email"));
  const contact = contactOf(person.id);
  db.transaction(
    (tx) => {
      saveChannelChoices(tx, { userId: person.id, email: contact?.email ?? person.email, preferred: input.preferred, choices, now: clock.now() });
    },
    { behavior: "immediate" },
  );
  saveNotificationChoices(person.email, emailOn);
}
