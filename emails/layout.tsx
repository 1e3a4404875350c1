import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { createContext, useContext, type CSSProperties, type ReactElement, type ReactNode } from "react";
import { z } from "zod";
import type { EmailCalendar } from "./calendar";

/** What every message shows about the organisation sending it. */
export type EmailOrganisation = { name: string; contactEmail: string };

/**
 * A message as a WhatsApp template: the name and body approved by Meta (placeholders {{1}}, {{2}}…,
 * never first or last in the body), and the body's parameters in order. Meta files each template
 * under a category; most of ours are utility messages.
 */
export type WhatsAppForm<P> = {
  name: string;
  category?: "UTILITY" | "MARKETING" | "AUTHENTICATION";
  body: string;
  params: (props: P, organisation: EmailOrganisation) => string[];
};

/**
 * One message: the zod schema checks the props stored in the outbox row (they are JSON,
 * written by an older release perhaps), `subject` and `Body` turn them into the message,
 * and the optional `calendar` into the calendar invitation (or cancellation) sent with it.
 * `short` is the SMS: the organisation's name, the one thing to say, then the main link in
 * full (the sender shortens it); `whatsapp` the same message as a WhatsApp template.
 */
export type EmailTemplate<S extends z.ZodType> = {
  schema: S;
  subject: (props: z.output<S>, organisation: EmailOrganisation) => string;
  Body: (props: z.output<S> & { organisation: EmailOrganisation }) => ReactElement;
  calendar?: (props: z.output<S>) => EmailCalendar | null;
  short: (props: z.output<S>, organisation: EmailOrganisation) => string;
  whatsapp: WhatsAppForm<z.output<S>>;
};

/** Links in email must be web links: never `javascript:` or anything else a mail app might run. */
export const httpUrl = z.url({ protocol: /^https?$/ });

export function defineTemplate<S extends z.ZodType>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}

const colours = { brand: "#0b5e55", text: "#1b1f23", muted: "#505a5f", surface: "#f4f6f5", border: "#b1b4b6" };
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const styles = {
  body: { backgroundColor: colours.surface, margin: 0, padding: "16px 0", fontFamily: font, color: colours.text },
  container: { width: "100%", maxWidth: "560px", margin: "0 auto", backgroundColor: "#ffffff", border: `1px solid ${colours.border}` },
  header: { backgroundColor: colours.brand, padding: "16px 24px" },
  brand: { color: "#ffffff", fontSize: "20px", fontWeight: 700, margin: 0 },
  content: { padding: "8px 24px 16px" },
  heading: { fontSize: "22px", lineHeight: "1.3", margin: "16px 0 12px" },
  footer: { padding: "0 24px 16px" },
  footerText: { color: colours.muted, fontSize: "14px", lineHeight: "1.5", margin: "8px 0" },
  button: {
    backgroundColor: colours.brand,
    color: "#ffffff",
    fontWeight: 700,
    fontSize: "17px",
    padding: "12px 20px",
    borderRadius: "4px",
    textDecoration: "none",
    display: "inline-block",
  },
  url: { fontSize: "14px", wordBreak: "break-all", color: colours.text },
} satisfies Record<string, CSSProperties>;

export const paragraph: CSSProperties = { fontSize: "17px", lineHeight: "1.5", margin: "0 0 16px" };
export const smallPrint: CSSProperties = { fontSize: "15px", lineHeight: "1.5", margin: "0 0 16px", color: colours.muted };

/** Set by the outbox for mail a person may turn off: the footer then says how. */
export const EmailFooterContext = createContext<{ unsubscribeUrl: string | null }>({ unsubscribeUrl: null });

type LayoutProps = {
  organisation: EmailOrganisation;
  /** The line most mail apps show next to the subject. */
  preview: string;
  heading: string;
  /** Why this person got this message, in one or two sentences. */
  reason: string;
  children: ReactNode;
};

export function EmailLayout({ organisation, preview, heading, reason, children }: LayoutProps) {
  const { unsubscribeUrl } = useContext(EmailFooterContext);
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.brand}>{organisation.name}</Text>
          </Section>
          <Section style={styles.content}>
            <Heading as="h1" style={styles.heading}>
              {heading}
            </Heading>
            {children}
          </Section>
          <Section style={styles.footer}>
            {/* Inside the padded section: a rule with side margins would be wider than a phone. */}
            <Hr style={{ borderColor: colours.border, margin: "0 0 8px" }} />
            <Text style={styles.footerText}>{reason}</Text>
            {unsubscribeUrl ? (
              <Text style={styles.footerText}>
                Do not want these? <Link href={unsubscribeUrl}>Stop these emails</Link>, or choose which ones you get.
              </Text>
            ) : null}
            <Text style={styles.footerText}>
              {organisation.contactEmail ? (
                <>
                  Questions? Write to {organisation.name} at{" "}
                  <Link href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</Link>.
                </>
              ) : (
                <>Sent by {organisation.name}.</>
              )}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/**
 * The main action as a big button, with the same link written out underneath for mail
 * apps that hide buttons and for people who copy links. The plain-text part keeps only
 * the written-out link, so it appears there once.
 */
export function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Section style={{ margin: "8px 0 20px" }} data-skip-in-text="true">
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={smallPrint}>
        If the button does not work, copy this link into your browser:
        <br />
        <Link href={href} style={styles.url}>
          {href}
        </Link>
      </Text>
    </>
  );
}

/** "1 minute", "10 minutes". */
export function minutesText(minutes: number): string {
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function hoursText(hours: number): string {
  if (hours === 1) return "1 hour";
  if (hours % 24 === 0) return hours === 24 ? "24 hours" : `${hours / 24} days`;
  return `${hours} hours`;
}
