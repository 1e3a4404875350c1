// The kinds of email a person may turn off. Everything else is strictly transactional (their own
// account, bookings, gifts, someone asking them something) and always goes out.
export const NOTIFICATION_KINDS = ["event-reminders", "event-feedback", "step-releases", "step-nudges", "mentoring-reminders", "mentorship-check-ins", "follow-ups", "news"] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  "event-reminders": { label: "Event reminders", hint: "A reminder before a workshop or seminar you booked." },
  "event-feedback": { label: "Feedback requests", hint: "A short question after an event you attended." },
  "step-releases": { label: "New programme steps", hint: "A note when the next step of your cohort opens." },
  "step-nudges": { label: "Programme nudges", hint: "A gentle reminder when a step has waited a few days." },
  "mentoring-reminders": { label: "Mentoring session reminders", hint: "A reminder the day before a session with your mentor or mentee." },
  "mentorship-check-ins": { label: "Mentorship check-ins", hint: "A monthly question about how your mentorship is going." },
  "follow-ups": { label: "Where are you now?", hint: "A short question a few months after your cohort or mentorship ends." },
  news: { label: "Messages to groups", hint: "A note from the organisers to a group you are in, such as everyone at a workshop." },
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
