import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { z } from "zod";
import { calendarPart, icsSchema } from "./calendar";
import { ActionLink, defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

const change = z.object({ label: z.string(), before: z.string(), after: z.string() });

/** "When: Friday 4 December 2026, 10:00 am to 1:00 pm. Where: Yaba Tech Hub": each change as it now is. */
function newDetails(changes: z.output<typeof change>[]): string {
  return changes.map((c) => `${c.label}: ${c.after}`).join(". ");
}

const row = { fontSize: "17px", lineHeight: "1.5", margin: "0 0 4px" } as const;
const was = { fontSize: "15px", lineHeight: "1.5", margin: "0 0 12px", color: "#505a5f" } as const;

/** To everyone registered for a published event whose time or place changed: what changed, old and new. */
export const eventChanged = defineTemplate({
  schema: z.object({
    name: z.string(),
    eventTitle: z.string(),
    url: z.url({ protocol: /^https?$/ }),
    changes: z.array(change).min(1),
    waiting: z.boolean().default(false),
    /** For people with a seat: the updated calendar invitation (same UID, higher SEQUENCE). */
    ics: icsSchema.optional(),
  }),
  calendar: ({ ics }) => (ics ? calendarPart("event.ics", ics) : null),
  subject: ({ eventTitle, changes }) => {
    const labels = changes.map((c) => c.label.toLowerCase());
    const what = labels.includes("when") && labels.some((l) => l !== "when") ? "time and place" : labels.includes("when") ? "time" : "place";
    return `New ${what}: ${eventTitle}`;
  },
  short: ({ eventTitle, url, changes, waiting }, organisation) =>
    `${organisation.name}: ${eventTitle} has changed. ${newDetails(changes)}. ${waiting ? "You are still on the waiting list." : "Your seat is still yours."} ${url}`,
  whatsapp: {
    name: "event_changed",
    body: "Hello {{1}}, the details of {{2}} have changed. New details: {{3}}. See the event: {{4}}\nIf you can no longer come, please cancel on the event page.",
    params: ({ name, eventTitle, changes, url }) => [name, eventTitle, newDetails(changes), url],
  },
  Body: ({ name, eventTitle, url, changes, waiting, ics, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={changes.map((c) => `${c.label}: ${c.after}`).join(" · ")}
      heading={`${eventTitle} has changed`}
      reason={`You got this email because you registered for ${eventTitle} with ${organisation.name}. We write to everyone registered whenever the time or place of an event changes.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>The organisers changed the details of {eventTitle}. Here is what is different:</Text>
      <Section style={{ margin: "0 0 8px" }}>
        {changes.map((c) => (
          <div key={c.label}>
            <Text style={row}>
              <strong>{c.label}:</strong> {c.after}
            </Text>
            <Text style={was}>Before: {c.before}</Text>
          </div>
        ))}
      </Section>
      <Text style={paragraph}>
        {waiting
          ? "You are still on the waiting list: we will write to you if a seat becomes free."
          : "Your seat is still yours. If you can no longer come, please cancel on the event page so someone else can take it."}
      </Text>
      <ActionLink href={url} label="See the event" />
      <Text style={smallPrint}>
        {ics
          ? "The attached file (event.ics) moves the event in your calendar to the new details."
          : "Add the new details to your calendar: the event page has an up-to-date calendar file."}
      </Text>
    </EmailLayout>
  ),
});
