import { z } from "zod";
import { CHANNEL_LIST, MESSAGE_KINDS, type MessageKind } from "~emails/message-kinds";

// Shared by the server and the browser, so nothing here may import server code.

export const SMS_PROVIDERS = [
  { value: "termii", label: "Termii (Nigeria; sends to numbers on the Do-Not-Disturb list by its transactional route)" },
  { value: "africastalking", label: "Africa's Talking" },
] as const;

const hour = (what: string) =>
  z
    .number({ error: `Enter the hour ${what} as a number from 0 to 23` })
    .int({ error: `Enter the hour ${what} as a whole number from 0 to 23` })
    .min(0, { error: `Enter the hour ${what} as a number from 0 to 23` })
    .max(23, { error: `Enter the hour ${what} as a number from 0 to 23` });

const firstChannel = z.enum(CHANNEL_LIST).default("email");

/** The organisers' page for messages by phone (ADR 0031). Amounts arrive as typed and are read with the currency's decimals. */
export const messageSettingsSchema = z.object({
  channelsEnabled: z.array(z.enum(["sms", "whatsapp"])).default([]),
  smsProvider: z.enum(["termii", "africastalking"], { error: "Choose the SMS provider" }),
  smsMonthlyBudget: z.string({ error: "Enter the monthly SMS budget, like 20000" }).trim().min(1, "Enter the monthly SMS budget, like 20000").max(20),
  smsSegmentCost: z.string({ error: "Enter what one SMS page costs, like 5 or 4.50" }).trim().min(1, "Enter what one SMS page costs, like 5 or 4.50").max(20),
  quietHoursStart: hour("quiet hours start"),
  quietHoursEnd: hour("quiet hours end"),
  ...(Object.fromEntries(MESSAGE_KINDS.map((kind) => [`first-${kind}`, firstChannel])) as Record<`first-${MessageKind}`, typeof firstChannel>),
});

export type MessageSettingsValues = z.output<typeof messageSettingsSchema>;
