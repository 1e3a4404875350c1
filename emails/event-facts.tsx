import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { z } from "zod";
import { httpUrl, paragraph } from "./layout";

/** What every event message says about the event: its name, when (in the organisation's time zone) and where. */
export const eventFactsSchema = {
  eventTitle: z.string(),
  when: z.string(),
  place: z.string(),
  mapUrl: z.union([httpUrl, z.literal("")]).default(""),
};

/** The props of a message to someone with a seat: their name, the event, their ticket and, online, the joining link. */
export const seatHolderSchema = {
  name: z.string(),
  ...eventFactsSchema,
  /** The person's ticket page. */
  url: httpUrl,
  joinUrl: z.union([httpUrl, z.literal("")]).default(""),
};

const label = { ...paragraph, margin: "0 0 4px", fontWeight: 700 };

export function EventFacts({ eventTitle, when, place, mapUrl }: { eventTitle: string; when: string; place: string; mapUrl?: string }) {
  return (
    <>
      <Text style={label}>Event</Text>
      <Text style={paragraph}>{eventTitle}</Text>
      <Text style={label}>When</Text>
      <Text style={paragraph}>{when}</Text>
      <Text style={label}>Where</Text>
      <Text style={paragraph}>
        {place}
        {mapUrl ? (
          <>
            {" "}
            (<Link href={mapUrl}>map</Link>)
          </>
        ) : null}
      </Text>
    </>
  );
}

/** The joining link of an online event; nothing for an event in person. */
export function JoinOnline({ joinUrl }: { joinUrl: string }) {
  if (!joinUrl) return null;
  return (
    <Text style={paragraph}>
      Join online: <Link href={joinUrl}>{joinUrl}</Link>
    </Text>
  );
}
