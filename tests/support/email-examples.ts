import type { TemplateName, TemplateProps } from "~emails/registry";

// One example of every template's props, for tests that render each message.

export const organisation = { name: "Rise Again Lagos", contactEmail: "hello@riseagain.example" };
export const url = "https://steppingstone.example/path?token=abc123";

const eventFacts = {
  eventTitle: "Resilience workshop",
  when: "Thursday 3 December 2026, 2:00 pm to 5:00 pm",
  place: "Yaba Tech Hub, 12 Herbert Macaulay Way, Lagos",
};

const sessionFacts = {
  name: "Chiamaka",
  otherName: "Tunde Bakare",
  when: "Thursday 3 December 2026, 2:30 pm to 3:30 pm (Lagos time, GMT+1)",
  format: "Video call",
  location: "https://meet.example.org/abc-defg",
  url,
};

export const examples: { [T in TemplateName]: TemplateProps<T> } = {
  "verify-email": { name: "Chiamaka", url },
  "reset-password": { name: "Chiamaka", url },
  "change-email": { name: "Chiamaka", url, newEmail: "new@example.com" },
  "email-changed": { name: "Chiamaka", newEmail: "new@example.com" },
  invitation: { inviterName: "Bola Ade", role: "mentor", url },
  "password-changed": { name: "Chiamaka" },
  "second-factor-added": { name: "Chiamaka" },
  "second-factor-removed": { name: "Chiamaka" },
  "recovery-code-used": { name: "Chiamaka", codesLeft: 9 },
  "data-export-ready": { name: "Chiamaka", url, expiresOn: "Friday 18 December 2026, 2:00 pm" },
  "erasure-scheduled": { name: "Chiamaka", eraseOn: "Friday 18 December 2026, 9:00 am", url },
  "guardian-consent-request": { childName: "Chiamaka", url, adultAge: 18 },
  "guardian-consent-given": { name: "Chiamaka", url },
  "event-changed": {
    name: "Chiamaka",
    eventTitle: "Resilience workshop",
    url,
    changes: [{ label: "When", before: "Thursday 3 December 2026, 2:00 pm to 5:00 pm", after: "Friday 4 December 2026, 10:00 am to 1:00 pm" }],
  },
  "event-cancelled": { name: "Chiamaka", eventTitle: "Resilience workshop", when: "Thursday 3 December 2026, 2:00 pm", url },
  "registration-confirmed": { name: "Chiamaka", ...eventFacts, url, ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" },
  "registration-attempt": { name: "Chiamaka", eventTitle: "Resilience workshop", url },
  "waitlist-offer": { name: "Chiamaka", ...eventFacts, url, expires: "Wednesday 2 December 2026, 2:30 pm" },
  "event-reminder": { name: "Chiamaka", ...eventFacts, url },
  "feedback-request": { name: "Chiamaka", eventTitle: "Resilience workshop", url },
  "step-released": { name: "Chiamaka", cohortName: "December cohort", stepNumber: 2, stepTitle: "Ask for feedback", stepSummary: "A short, polite email.", url },
  "step-nudge": { name: "Chiamaka", cohortName: "December cohort", stepNumber: 2, stepTitle: "Ask for feedback", url, moreWaiting: 1 },
  "cohort-invitation": { inviterName: "Bola Ade", cohortName: "December cohort", curriculumTitle: "Bounce back", startsOn: "Tue 1 Dec 2026", url },
  "donation-receipt": {
    name: "Chiamaka",
    receiptNumber: "2026-0042",
    date: "Wed 25 Nov 2026",
    amount: "₦5,000",
    campaignTitle: "Workshop seats",
    monthly: true,
    method: "card",
    paidBy: "Card, through Paystack",
    issuer: { legalName: "Steppingstone Youth Foundation (Ltd/Gte)", registrationNumber: "RC 1234567", postalAddress: "12 Herbert Macaulay Way\nYaba, Lagos", taxWording: "Registered with the Corporate Affairs Commission." },
    url,
  },
  "donation-refunded": { name: "Chiamaka", receiptNumber: "2026-0042", amount: "₦1,000", originalAmount: "₦5,000", campaignTitle: "Workshop seats", full: false },
  "monthly-gift-payment-failed": { name: "Chiamaka", amount: "₦10,000", campaignTitle: "Workshop seats", url },
  "monthly-gift-cancelled": { name: "Chiamaka", amount: "₦10,000", campaignTitle: "Workshop seats", paymentsMade: 3 },
  "payment-dispute-opened": { donorName: "Chiamaka Obi", campaignTitle: "Workshop seats", amount: "₦5,000", reason: "chargeback", respondBy: "Friday 4 December 2026", url },
  "mentoring-session-proposed": { ...sessionFacts, agenda: "Your CV, then interview practice." },
  "mentoring-session-confirmed": { ...sessionFacts, ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" },
  "mentoring-session-declined": { name: "Chiamaka", otherName: "Tunde Bakare", when: sessionFacts.when, url },
  "mentoring-session-cancelled": { name: "Chiamaka", otherName: "Tunde Bakare", when: sessionFacts.when, url, ics: "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n" },
  "mentoring-session-reminder": sessionFacts,
  "mentor-request": { name: "Tunde", menteeName: "Chiamaka", respondBy: "Wednesday 2 December 2026", url },
  "mentor-request-accepted": { name: "Chiamaka", mentorName: "Tunde Bakare", url },
  "mentor-request-declined": { name: "Chiamaka", mentorName: "Tunde Bakare", withNote: true, pageUrl: "https://steppingstone.example/me/mentoring", url },
  "mentor-request-lapsed": { name: "Chiamaka", mentorName: "Tunde Bakare", url },
  "mentorship-matched": { name: "Chiamaka", otherName: "Tunde Bakare", role: "mentee", url },
  "mentorship-ended": { name: "Chiamaka", otherName: "Tunde Bakare", url },
  "mentorship-check-in": { name: "Chiamaka", otherName: "Tunde Bakare", links: [1, 2, 3, 4, 5].map((n) => `${url}&rating=${n}`) },
  "bank-transfer-pledge": {
    name: "Chiamaka",
    campaignTitle: "Workshop seats for 2027",
    amount: "₦5,000",
    reference: "SS-7KQ2-M4XD",
    bankDetails: "Rise Again Lagos\nAccess Bank 0123456789",
    url,
  },
  "partner-enquiry": {
    organisationName: "Lagos Print Co",
    contactName: "Tunde Bakare",
    email: "tunde@printco.example",
    phone: "+234 801 234 5678",
    kind: "In-kind support (space, equipment, services)",
    message: "We could print your workshop handouts.",
    url,
  },
};
