import { clock, DAY } from "~/utils/clock.server";
import { db } from "~db/client.server";
import type { outbox } from "~db/schema";
import { renderShortText, renderWhatsAppTemplate, type TemplateName, type TemplateProps } from "~emails/registry";
import { smsSegments } from "~emails/sms-text";
import type { Organisation } from "~/modules/organisation/index.server";
import { ChannelRefusal } from "./channels/types";
import { smsGateway, whatsappGateway } from "./channels/gateways.server";
import { shortenLinks } from "./short-links.server";
import { smsFitsBudget } from "./sms-budget.server";
import { env } from "~/utils/env.server";

type OutboxRow = typeof outbox.$inferSelect;

export type PhoneSent = { provider: string; providerMessageId: string; text: string; segments: number | null; cost: number | null; deliveredLocally: boolean };

/**
 * An installation with no mail server either (a demo, a laptop) keeps texts in the local mailbox
 * as it keeps email: organisers read them at /admin/outbox. With a mail server set up, a missing
 * SMS or WhatsApp provider is a refusal, and the message goes by the next channel.
 */
function localMailbox(row: OutboxRow, text: string, channel: string): PhoneSent {
  if (env.SMTP_URL) throw new ChannelRefusal(`${channel} is not set up on this server.`);
  return { provider: "local", providerMessageId: row.id, text, segments: null, cost: null, deliveredLocally: true };
}

// A link in a text keeps working as long as the longest-lived link we send (a receipt's).
const SHORT_LINK_LIFETIME = 90 * DAY;

function organisationForTemplates(organisation: Organisation) {
  return { name: organisation.name, contactEmail: organisation.contactEmail };
}

/** Renders the message's short form with our own short links, checks the budget, and hands it to the SMS provider. */
export async function sendSms(row: OutboxRow, to: string, organisation: Organisation): Promise<PhoneSent> {
  const gateway = smsGateway();
  const long = renderShortText(row.template as TemplateName, row.props as TemplateProps<TemplateName>, organisationForTemplates(organisation));
  const now = clock.now();
  const text = db.transaction((tx) => shortenLinks(tx, long, { outboxId: row.id, expiresAt: now + SHORT_LINK_LIFETIME }), { behavior: "immediate" });
  if (!gateway) return localMailbox(row, text, "SMS");
  const estimate = smsSegments(text).segments;
  if (!smsFitsBudget(organisation, estimate * organisation.smsSegmentCost, now)) throw new ChannelRefusal("This month's SMS budget is used up.");
  const accepted = await gateway.send({ to, text, reference: row.id });
  const segments = accepted.segments ?? estimate;
  return { provider: accepted.provider, providerMessageId: accepted.providerMessageId, text, segments, cost: segments * organisation.smsSegmentCost, deliveredLocally: false };
}

/** Sends the message's approved WhatsApp template with its parameters. */
export async function sendWhatsApp(row: OutboxRow, to: string, organisation: Organisation): Promise<PhoneSent> {
  const gateway = whatsappGateway();
  const template = renderWhatsAppTemplate(row.template as TemplateName, row.props as TemplateProps<TemplateName>, organisationForTemplates(organisation));
  const text = `WhatsApp template “${template.name}”: ${template.params.join(" · ")}`;
  if (!gateway) return localMailbox(row, text, "WhatsApp");
  const accepted = await gateway.send({ to, template, reference: row.id });
  return { provider: accepted.provider, providerMessageId: accepted.providerMessageId, text, segments: null, cost: null, deliveredLocally: false };
}
