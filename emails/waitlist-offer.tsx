import { Text } from "@react-email/text";
import { z } from "zod";
import { EventFacts, eventFactsSchema } from "./event-facts";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const waitlistOffer = defineTemplate({
  schema: z.object({
    name: z.string(),
    ...eventFactsSchema,
    /** The page with the "Accept my seat" button. */
    url: httpUrl,
    /** When the offer lapses, written out in the organisation's time zone. */
    expires: z.string(),
  }),
  subject: ({ eventTitle, expires }) => `A seat is free for you at ${eventTitle}: accept it by ${expires}`,
  short: ({ eventTitle, when, expires, url }, organisation) =>
    `${organisation.name}: a seat at ${eventTitle} (${when}) is free for you. Accept it by ${expires}: ${url}`,
  whatsapp: {
    name: "waitlist_offer",
    body: "Good news, {{1}}: a seat at {{2}} ({{3}}) came free and is held for you until {{4}}. Accept it here: {{5}}\nIf you do not accept by then, it goes to the next person waiting.",
    params: ({ name, eventTitle, when, expires, url }) => [name, eventTitle, when, expires, url],
  },
  Body: ({ name, eventTitle, when, place, mapUrl, url, expires, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`Accept it by ${expires}, or it goes to the next person waiting.`}
      heading="A seat is free for you"
      reason={`You got this email because you joined the waitlist for ${eventTitle} with ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Good news: a seat came free and it is held for you until <strong>{expires}</strong>. Open the link and press
        &ldquo;Accept my seat&rdquo; to take it.
      </Text>
      <EventFacts eventTitle={eventTitle} when={when} place={place} mapUrl={mapUrl} />
      <ActionLink href={url} label="See the offer" />
      <Text style={smallPrint}>
        If you do not accept by then, the seat goes to the next person waiting and your place on the waitlist ends. If you
        cannot come, you can turn the offer down on the same page.
      </Text>
    </EmailLayout>
  ),
});
