// What each message is about, for choosing how it reaches a person (ADR 0031). Shared with the
// browser (the preferences page), so nothing here may import server code.
import type { Channel } from "~db/schema";
import { NOTIFICATION_KINDS, type NotificationKind } from "./notification-kinds";

/**
 * The kinds a person chooses channels for. The six that may be turned off are the notification
 * kinds; the rest are transactional (always sent, on the channels the person prefers).
 */
export const MESSAGE_KINDS = [
  "account",
  "bookings",
  "event-reminders",
  "event-feedback",
  "step-releases",
  "step-nudges",
  "mentoring",
  "mentoring-reminders",
  "mentorship-check-ins",
  "follow-ups",
  "giving",
  "news",
  "organising",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  account: "Your account: sign-in codes, password and security notices",
  bookings: "Bookings: confirmations, waitlist offers and changes to an event",
  "event-reminders": "Event reminders",
  "event-feedback": "Feedback requests after an event",
  "step-releases": "New programme steps",
  "step-nudges": "Programme nudges",
  mentoring: "Mentoring: requests, matches and sessions",
  "mentoring-reminders": "Mentoring session reminders",
  "mentorship-check-ins": "Mentorship check-ins",
  "follow-ups": "Where are you now? questions after a cohort or mentorship",
  giving: "Giving: receipts and your gifts",
  news: "Messages from the organisers to groups you belong to",
  organising: "For organisers: enquiries, disputes and budgets",
};

/**
 * Kinds that are not urgent: kept out of quiet hours on a phone (unless what they are about
 * comes sooner), and the ones a person may turn off entirely.
 */
export const DEFERRABLE_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(NOTIFICATION_KINDS);

export function isMessageKind(value: string): value is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(value);
}

export function isOptionalKind(kind: MessageKind): kind is NotificationKind {
  return DEFERRABLE_KINDS.has(kind);
}

// Each template's kind; a template not listed is about the person's account.
const KIND_OF_TEMPLATE: Record<string, MessageKind> = {
  "event-changed": "bookings",
  "event-cancelled": "bookings",
  "registration-confirmed": "bookings",
  "registration-attempt": "bookings",
  "walk-in-welcome": "bookings",
  "waitlist-offer": "bookings",
  "event-reminder": "event-reminders",
  "feedback-request": "event-feedback",
  "step-released": "step-releases",
  "step-nudge": "step-nudges",
  "cohort-invitation": "bookings",
  "mentoring-session-proposed": "mentoring",
  "mentoring-session-confirmed": "mentoring",
  "mentoring-session-declined": "mentoring",
  "mentoring-session-cancelled": "mentoring",
  "mentoring-session-reminder": "mentoring-reminders",
  "mentor-request": "mentoring",
  "mentor-request-accepted": "mentoring",
  "mentor-request-declined": "mentoring",
  "mentor-request-lapsed": "mentoring",
  "mentorship-matched": "mentoring",
  "mentorship-ended": "mentoring",
  "mentorship-check-in": "mentorship-check-ins",
  "follow-up-request": "follow-ups",
  "bank-transfer-pledge": "giving",
  "donation-receipt": "giving",
  "donation-refunded": "giving",
  "monthly-gift-payment-failed": "giving",
  "monthly-gift-cancelled": "giving",
  broadcast: "news",
  "partner-enquiry": "organising",
  "payment-dispute-opened": "organising",
  "sms-budget-warning": "organising",
};

export function messageKindOf(template: string): MessageKind {
  return KIND_OF_TEMPLATE[template] ?? "account";
}

/** The channels by name, as people choose them. */
export const CHANNEL_LABELS: Record<Channel, string> = { email: "Email", sms: "SMS", whatsapp: "WhatsApp" };
export const CHANNEL_LIST = Object.keys(CHANNEL_LABELS) as Channel[];
