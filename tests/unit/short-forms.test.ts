import { describe, expect, it } from "vitest";
import { carriesSecretLink, renderEmail, renderShortText, renderWhatsAppTemplate, templates, whatsappTemplateBodies, type TemplateName } from "~emails/registry";
import { smsSegments } from "~emails/sms-text";
import { examples, organisation, url } from "../support/email-examples";

const names = Object.keys(templates) as TemplateName[];

// What the sender makes of each of our links: APP_URL/s/ and ten characters.
const SHORT_LINK = "https://ral.example/s/Ab3dE6gH9k";
const withShortLinks = (text: string) => text.replace(/https?:\/\/\S+/g, SHORT_LINK);

const placeholdersOf = (body: string) => [...body.matchAll(/\{\{(\d+)\}\}/g)].map((match) => Number(match[1]));

describe("the short form of every message", () => {
  it.each(names)("%s fits two GSM-7 messages once its links are short", (name) => {
    const text = renderShortText(name, examples[name] as never, organisation);
    expect(SHORT_LINK).toHaveLength(32);
    expect(smsSegments(withShortLinks(text))).toMatchObject({ encoding: "GSM-7", segments: expect.any(Number) });
    expect(smsSegments(withShortLinks(text)).segments).toBeLessThanOrEqual(2);
  });

  it.each(names.filter((name) => name !== "phone-code"))("%s starts with the organisation and ends with its main link", (name) => {
    const example = examples[name] as Record<string, unknown>;
    const text = renderShortText(name, example as never, organisation);
    expect(text.startsWith("Rise Again Lagos: ")).toBe(true);
    const main = typeof example.url === "string" ? example.url : typeof example.link === "string" ? example.link : null;
    if (main) expect(text.endsWith(` ${main}`)).toBe(true);
  });

  it("carries a secret link too: it is the person's own message", () => {
    for (const name of ["reset-password", "verify-email", "invitation", "donation-receipt", "guardian-consent-request"] as const) {
      expect(carriesSecretLink(name)).toBe(true);
      expect(renderShortText(name, examples[name] as never, organisation)).toContain(url);
    }
  });

  it("offers each rating of a check-in as its own link", () => {
    const text = renderShortText("mentorship-check-in", examples["mentorship-check-in"], organisation);
    for (const n of [1, 2, 3, 4, 5]) expect(text).toContain(`\n${n} ${url}&rating=${n}`);
  });

  it("writes the naira as NGN by SMS, and keeps it on WhatsApp", () => {
    expect(renderShortText("donation-receipt", examples["donation-receipt"], organisation)).toContain("monthly gift of NGN 5,000 to Workshop seats");
    expect(renderWhatsAppTemplate("donation-receipt", examples["donation-receipt"], organisation).params).toContain("₦5,000");
  });

  it("keeps a Yoruba name as it is written, in at most three UCS-2 messages", () => {
    const props = { ...examples["mentoring-session-reminder"], otherName: "Ọlámídé Ṣódípọ̀" };
    const text = renderShortText("mentoring-session-reminder", props, organisation);
    expect(text).toContain("Ọlámídé Ṣódípọ̀");
    expect(smsSegments(withShortLinks(text)).encoding).toBe("UCS-2");
    expect(smsSegments(withShortLinks(text)).segments).toBeLessThanOrEqual(3);
  });

  it("puts a sign-in code first, where phones look for it", () => {
    expect(renderShortText("phone-code", { code: "482913", minutes: 10 }, organisation)).toBe(
      "482913 is your Rise Again Lagos code. It expires in 10 minutes. Never share it.",
    );
    expect(renderShortText("phone-code", { code: "482913", minutes: 1 }, organisation)).toContain("expires in 1 minute.");
    expect(carriesSecretLink("phone-code")).toBe(true);
  });

  it("sends a group message as the organisers wrote it, with its link", () => {
    const text = renderShortText("broadcast", { name: "Ada", subject: "Room change", body: "We meet in room 3 on Saturday.", link: "https://ral.example/events/cv-clinic" }, organisation);
    expect(text).toBe("Rise Again Lagos: We meet in room 3 on Saturday. https://ral.example/events/cv-clinic");
    expect(renderShortText("broadcast", { name: "Ada", subject: "Room change", body: "We meet in room 3." }, organisation)).toBe("Rise Again Lagos: We meet in room 3.");
  });

  it("says whether SMS has stopped or is nearing its budget", () => {
    const warning = renderShortText("sms-budget-warning", examples["sms-budget-warning"], organisation);
    expect(warning).toContain("80% of this month's budget (NGN 8,000 of NGN 10,000)");
    const stopped = renderShortText("sms-budget-warning", { ...examples["sms-budget-warning"], percent: 100, stopped: true }, organisation);
    expect(stopped).toContain("SMS sending has stopped");
  });

  it("refuses props that do not fit, as the email does", () => {
    expect(() => renderShortText("verify-email", { name: "A", url: "javascript:alert(1)" }, organisation)).toThrow(/bad props: url/);
    expect(() => renderWhatsAppTemplate("phone-code", { code: "12ab", minutes: 10 }, organisation)).toThrow(/bad props: code/);
    expect(() => renderShortText("nope" as TemplateName, {} as never, organisation)).toThrow('Unknown email template "nope"');
  });
});

describe("the WhatsApp form of every message", () => {
  const bodies = whatsappTemplateBodies();

  it("has one uniquely named template per message, in snake case", () => {
    expect(bodies).toHaveLength(names.length);
    expect(new Set(bodies.map((b) => b.name)).size).toBe(names.length);
    for (const { name } of bodies) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(renderWhatsAppTemplate("event-reminder", examples["event-reminder"], organisation).name).toBe("event_reminder");
    expect(renderWhatsAppTemplate("broadcast", examples.broadcast, organisation).name).toBe("group_message");
  });

  it.each(names)("%s fills every placeholder of its body with a parameter Meta accepts", (name) => {
    const rendered = renderWhatsAppTemplate(name, examples[name] as never, organisation);
    const { body, category } = bodies.find((b) => b.name === rendered.name)!;
    const placeholders = placeholdersOf(body);
    expect(placeholders).toEqual(rendered.params.map((_, index) => index + 1));
    expect(rendered.language).toBe("en");
    expect(body.length).toBeLessThanOrEqual(1024);
    // Meta refuses a body that starts or ends with a parameter (its own authentication text aside).
    if (category !== "AUTHENTICATION") expect(body).not.toMatch(/^\{\{\d+\}\}|\{\{\d+\}\}\W*$/);
    for (const param of rendered.params) {
      expect(param).toMatch(/\S/);
      expect(param).not.toMatch(/[\n\r\t]| {5}/);
    }
  });

  it("flattens a message typed in paragraphs and fills a missing link with a dash", () => {
    const props = { name: "Ada", subject: "Saturday", body: "Room 3.\n\nBring your CV.\tAnd     a pen.", link: undefined };
    expect(renderWhatsAppTemplate("broadcast", props, organisation).params).toEqual(["Ada", "Saturday", "Room 3. Bring your CV. And a pen.", "-"]);
  });

  it("sends a phone code with Meta's authentication template", () => {
    expect(renderWhatsAppTemplate("phone-code", examples["phone-code"], organisation)).toEqual({ name: "phone_code", language: "en", params: ["482913"] });
    expect(bodies.find((b) => b.name === "phone_code")?.category).toBe("AUTHENTICATION");
    expect(bodies.find((b) => b.name === "group_message")?.category).toBe("MARKETING");
  });
});

describe("the new messages by email", () => {
  it("shows a group message's paragraphs as plain text, never as markup", async () => {
    const email = await renderEmail("broadcast", { name: "Ada", subject: "Room change", body: "First <b>bold</b> **not bold**.\n\nSecond paragraph." }, organisation);
    expect(email.subject).toBe("Room change");
    expect(email.html).toContain("First &lt;b&gt;bold&lt;/b&gt; **not bold**.");
    expect(email.html).not.toContain("<b>bold</b>");
    expect(email.text).toMatch(/First <b>bold<\/b> \*\*not bold\*\*\.\s+Second paragraph\./);
  });

  it("puts the code in a phone code's subject", async () => {
    const email = await renderEmail("phone-code", examples["phone-code"], organisation);
    expect(email.subject).toBe("482913 is your Rise Again Lagos code");
    expect(email.text).toContain("expires in 10 minutes");
  });
});
