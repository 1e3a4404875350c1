import { describe, expect, it } from "vitest";
import { toPlainText } from "@react-email/render";
import { htmlToTextOptions } from "~emails/plain-text";
import { renderEmail, templates, type TemplateName } from "~emails/registry";
import { examples, organisation, url } from "../support/email-examples";


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

  // The text part comes from the rendered HTML by a converter compiled once: it must read as React
  // Email's own conversion of the message's markup (before the XHTML doctype is put in front).
  it.each(names)("%s has the plain text React Email's own conversion gives", async (name) => {
    const email = await renderEmail(name, examples[name] as never, organisation);
    const markup = email.html.replace(/^<!DOCTYPE html PUBLIC [^>]*>/, "");
    expect(markup).not.toBe(email.html);
    expect(email.text).toBe(toPlainText(markup, htmlToTextOptions));
    expect(email.text).toContain("You got this email because");
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
