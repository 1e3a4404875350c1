import { Text } from "@react-email/text";
import { z } from "zod";
import { httpUrl, paragraph } from "./layout";

/** What every mentoring-session message says: who with, when (in the reader's own time zone) and how. */
export const sessionFactsSchema = {
  name: z.string(),
  otherName: z.string(),
  when: z.string(),
  format: z.string(),
  location: z.string(),
  agenda: z.string().default(""),
  /** The pair's workspace. */
  url: httpUrl,
};

const label = { ...paragraph, margin: "0 0 4px", fontWeight: 700 };

export function SessionFacts({ otherName, when, format, location, agenda }: { otherName: string; when: string; format: string; location: string; agenda?: string }) {
  return (
    <>
      <Text style={label}>With</Text>
      <Text style={paragraph}>{otherName}</Text>
      <Text style={label}>When</Text>
      <Text style={paragraph}>{when}</Text>
      <Text style={label}>How</Text>
      <Text style={paragraph}>
        {format}: {location}
      </Text>
      {agenda ? (
        <>
          <Text style={label}>Agenda</Text>
          <Text style={{ ...paragraph, whiteSpace: "pre-line" }}>{agenda}</Text>
        </>
      ) : null}
    </>
  );
}
