import { z } from "zod";
import { CHANNEL_LIST, MESSAGE_KINDS, type MessageKind } from "~emails/message-kinds";
import { NOTIFICATION_KINDS } from "~emails/notification-kinds";

/** The organisers' "Try again" button on a message that could not be delivered. */
export const retrySchema = z.object({ id: z.string().trim().min(1).max(64) });

/** The preferences form: a checkbox per kind of email, ticked for the kinds the person wants. */
export const notificationPreferencesSchema = z.object({
  intent: z.literal("save", { error: "Use the form on this page to save your choices." }),
  on: z.array(z.enum(NOTIFICATION_KINDS)).default([]),
});

const channelList = z.array(z.enum(CHANNEL_LIST)).default([]);

/** The channels form: the channel tried first, and per kind of message the channels allowed. */
export const channelPreferencesSchema = z.object({
  intent: z.literal("channels", { error: "Use the form on this page to save your choices." }),
  preferred: z.enum(CHANNEL_LIST, { error: "Choose how you would like to hear from us first" }),
  ...(Object.fromEntries(MESSAGE_KINDS.map((kind) => [kindField(kind), channelList])) as Record<`kind-${MessageKind}`, typeof channelList>),
});

/** The form field for a kind's channels. */
export function kindField(kind: MessageKind): `kind-${MessageKind}` {
  return `kind-${kind}`;
}
