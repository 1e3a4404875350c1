import { describe, expect, it } from "vitest";
import { renderEmail, templates, type TemplateName, type TemplateProps } from "~emails/registry";

const organisation = { name: "Rise Again Lagos", contactEmail: "hello@riseagain.example" };
const url = "https://steppingstone.example/path?token=abc123";

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

const examples: { [T in TemplateName]: TemplateProps<T> } = {
  "verify-email": { name: "Chiamaka", url },
  "reset-password": { name: "Chiamaka", url },
  "change-email": { name: "Chiamaka", url, newEmail: "new@example.com" },
  "email-changed": { name: "Chiamaka", newEmail: "new@example.com" },
  invitation: { inviterName: "Bola Ade", role: "mentor", url },
  "password-changed": { name: "Chiamaka" },
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
  "donation-receipt": { name: "Chiamaka", receiptNumber: "2026-0042", date: "Wed 25 Nov 2026", amount: "₦5,000", campaignTitle: "Workshop seats", monthly: true, method: "card", url },
  "donation-refunded": { name: "Chiamaka", receiptNumber: "2026-0042", amount: "₦1,000", originalAmount: "₦5,000", campaignTitle: "Workshop seats", full: false },
  "monthly-gift-payment-failed": { name: "Chiamaka", amount: "₦10,000", campaignTitle: "Workshop seats", url },
  "monthly-gift-cancelled": { name: "Chiamaka", amount: "₦10,000", campaignTitle: "Workshop seats", paymentsMade: 3 },
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

const names = Object.keys(templates) as TemplateName[];

function occurrences(text: string, needle: string) {
  return text.split(needle).length - 1;
}

describe("email templates", () => {
  it("has an example for every template", () => {
    expect(Object.keys(examples).sort()).toEqual([...names].sort());
  });

  it.each(names)("%s carries the organisation's name, its contact address and why it was sent", async (name) => {
    const email = await renderEmail(name, examples[name] as never, organisation);
    expect(email.subject.length).toBeGreaterThan(10);
    for (const part of [email.html, email.text]) {
      expect(part).toContain("Rise Again Lagos");
      expect(part).toContain("hello@riseagain.example");
      expect(part).toMatch(/You got this email because/);
    }
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it.each(names.filter((name) => "url" in examples[name]))("%s has a button and the link written out once in the text", async (name) => {
    const email = await renderEmail(name, examples[name] as never, organisation);
    expect(occurrences(email.html, `href="${url}"`)).toBe(2);
    expect(occurrences(email.text, url)).toBe(1);
  });

  it("says how long the links last", async () => {
    const reset = await renderEmail("reset-password", examples["reset-password"], organisation);
    expect(reset.text).toContain("expires in 1 hour");
    const verify = await renderEmail("verify-email", examples["verify-email"], organisation);
    expect(verify.text).toContain("works for 24 hours");
    const longer = await renderEmail("verify-email", { ...examples["verify-email"], expiresInHours: 48 }, organisation);
    expect(longer.text).toContain("works for 2 days");
  });

  it("writes subjects people recognise", async () => {
    const invite = await renderEmail("invitation", examples.invitation, organisation);
    expect(invite.subject).toBe("Bola Ade invited you to join Rise Again Lagos as a mentor");
    const changed = await renderEmail("email-changed", examples["email-changed"], organisation);
    expect(changed.subject).toBe("Your Rise Again Lagos email address was changed");
    expect(changed.text).toContain("new@example.com");
  });

  it("escapes what people typed", async () => {
    const email = await renderEmail("password-changed", { name: '<img src=x onerror="alert(1)">' }, organisation);
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;img src=x");
  });

  it("leaves out the contact line when the organisation has no contact address", async () => {
    const email = await renderEmail("password-changed", { name: "Ada" }, { name: "Rise Again Lagos", contactEmail: "" });
    expect(email.text).toContain("Sent by Rise Again Lagos.");
    expect(email.html).not.toContain("mailto:");
  });

  it("sends the calendar with a confirmation, its method as the file says, and nothing with other messages", async () => {
    const confirmed = await renderEmail("registration-confirmed", examples["registration-confirmed"], organisation);
    expect(confirmed.calendar).toEqual({ method: "PUBLISH", filename: "event.ics", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" });
    const invitation = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
    const invited = await renderEmail("registration-confirmed", { ...examples["registration-confirmed"], ics: invitation }, organisation);
    expect(invited.calendar).toEqual({ method: "REQUEST", filename: "event.ics", content: invitation });
    const cancelled = await renderEmail("mentoring-session-cancelled", examples["mentoring-session-cancelled"], organisation);
    expect(cancelled.calendar?.method).toBe("CANCEL");
    expect(confirmed.subject).toBe("Your seat at Resilience workshop is confirmed");
    expect(confirmed.text).toContain("Yaba Tech Hub");
    const reminder = await renderEmail("event-reminder", examples["event-reminder"], organisation);
    expect(reminder.calendar).toBeNull();
    const changed = await renderEmail("event-changed", examples["event-changed"], organisation);
    expect(changed.calendar).toBeNull();
    await expect(
      renderEmail("registration-confirmed", { ...examples["registration-confirmed"], ics: "<script>" }, organisation),
    ).rejects.toThrow(/bad props: ics/);
    // A method a message cannot carry (REPLY is for attendees answering) is refused rather than sent.
    await expect(
      renderEmail("registration-confirmed", { ...examples["registration-confirmed"], ics: "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n" }, organisation),
    ).rejects.toThrow(/bad props: ics/);
  });

  it("refuses unknown templates and props that do not fit", async () => {
    await expect(renderEmail("nope" as TemplateName, {} as never, organisation)).rejects.toThrow('Unknown email template "nope"');
    await expect(renderEmail("verify-email", { name: "A", url: "javascript:alert(1)" }, organisation)).rejects.toThrow(/bad props: url/);
    await expect(renderEmail("invitation", { ...examples.invitation, role: "sponsor" as never }, organisation)).rejects.toThrow(/bad props: role/);
  });
});
