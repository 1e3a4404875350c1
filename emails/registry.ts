import { createElement } from "react";
import { plainTextOf } from "./plain-text";
import type { z } from "zod";
import { bankTransferPledge } from "./bank-transfer-pledge";
import { broadcast } from "./broadcast";
import { changeEmail } from "./change-email";
import { cohortInvitation } from "./cohort-invitation";
import { dataExportReady } from "./data-export-ready";
import { donationReceipt } from "./donation-receipt";
import { donationRefunded } from "./donation-refunded";
import { doorInvitation } from "./door-invitation";
import { emailChanged } from "./email-changed";
import { erasureScheduled } from "./erasure-scheduled";
import { eventCancelled } from "./event-cancelled";
import { eventChanged } from "./event-changed";
import { eventReminder } from "./event-reminder";
import { feedbackRequest } from "./feedback-request";
import { followUpRequest } from "./follow-up-request";
import { guardianConsentGiven } from "./guardian-consent-given";
import { guardianConsentRequest } from "./guardian-consent-request";
import { invitation } from "./invitation";
import { mentorRequest } from "./mentor-request";
import { mentorRequestAccepted } from "./mentor-request-accepted";
import { mentorRequestDeclined } from "./mentor-request-declined";
import { mentorRequestLapsed } from "./mentor-request-lapsed";
import { mentoringSessionCancelled } from "./mentoring-session-cancelled";
import { mentoringSessionConfirmed } from "./mentoring-session-confirmed";
import { mentoringSessionDeclined } from "./mentoring-session-declined";
import { mentoringSessionProposed } from "./mentoring-session-proposed";
import { mentoringSessionReminder } from "./mentoring-session-reminder";
import { mentorshipCheckIn } from "./mentorship-check-in";
import { mentorshipEnded } from "./mentorship-ended";
import { mentorshipMatched } from "./mentorship-matched";
import { monthlyGiftCancelled } from "./monthly-gift-cancelled";
import { monthlyGiftPaymentFailed } from "./monthly-gift-payment-failed";
import type { EmailCalendar } from "./calendar";
import { EmailFooterContext, type EmailOrganisation, type EmailTemplate, type WhatsAppForm } from "./layout";
import type { NotificationKind } from "./notification-kinds";
import { partnerEnquiry } from "./partner-enquiry";
import { passwordChanged } from "./password-changed";
import { paymentDisputeOpened } from "./payment-dispute-opened";
import { phoneChanged } from "./phone-changed";
import { phoneCode } from "./phone-code";
import { recoveryCodeUsed } from "./recovery-code-used";
import { registrationAttempt } from "./registration-attempt";
import { walkInWelcome } from "./walk-in-welcome";
import { registrationConfirmed } from "./registration-confirmed";
import { resetPassword } from "./reset-password";
import { secondFactorAdded } from "./second-factor-added";
import { secondFactorRemoved } from "./second-factor-removed";
import { smsBudgetWarning } from "./sms-budget-warning";
import { gsmSafe } from "./sms-text";
import { stepNudge } from "./step-nudge";
import { stepReleased } from "./step-released";
import { verifyEmail } from "./verify-email";
import { waitlistOffer } from "./waitlist-offer";

export type { EmailCalendar } from "./calendar";
export { NOTIFICATION_KINDS, NOTIFICATION_LABELS, isNotificationKind, type NotificationKind } from "./notification-kinds";
export type { EmailOrganisation } from "./layout";

export const templates = {
  "verify-email": verifyEmail,
  "reset-password": resetPassword,
  "change-email": changeEmail,
  "email-changed": emailChanged,
  invitation,
  "door-invitation": doorInvitation,
  "password-changed": passwordChanged,
  "second-factor-added": secondFactorAdded,
  "second-factor-removed": secondFactorRemoved,
  "recovery-code-used": recoveryCodeUsed,
  "data-export-ready": dataExportReady,
  "erasure-scheduled": erasureScheduled,
  "guardian-consent-request": guardianConsentRequest,
  "guardian-consent-given": guardianConsentGiven,
  "event-changed": eventChanged,
  "event-cancelled": eventCancelled,
  "registration-confirmed": registrationConfirmed,
  "registration-attempt": registrationAttempt,
  "walk-in-welcome": walkInWelcome,
  "waitlist-offer": waitlistOffer,
  "event-reminder": eventReminder,
  "feedback-request": feedbackRequest,
  "follow-up-request": followUpRequest,
  "step-released": stepReleased,
  "step-nudge": stepNudge,
  "cohort-invitation": cohortInvitation,
  "mentoring-session-proposed": mentoringSessionProposed,
  "mentoring-session-confirmed": mentoringSessionConfirmed,
  "mentoring-session-declined": mentoringSessionDeclined,
  "mentoring-session-cancelled": mentoringSessionCancelled,
  "mentoring-session-reminder": mentoringSessionReminder,
  "partner-enquiry": partnerEnquiry,
  "bank-transfer-pledge": bankTransferPledge,
  "mentor-request": mentorRequest,
  "mentor-request-accepted": mentorRequestAccepted,
  "mentor-request-declined": mentorRequestDeclined,
  "mentor-request-lapsed": mentorRequestLapsed,
  "mentorship-matched": mentorshipMatched,
  "mentorship-ended": mentorshipEnded,
  "mentorship-check-in": mentorshipCheckIn,
  "donation-receipt": donationReceipt,
  "donation-refunded": donationRefunded,
  "monthly-gift-payment-failed": monthlyGiftPaymentFailed,
  "monthly-gift-cancelled": monthlyGiftCancelled,
  "payment-dispute-opened": paymentDisputeOpened,
  "phone-code": phoneCode,
  "phone-changed": phoneChanged,
  broadcast,
  "sms-budget-warning": smsBudgetWarning,
} as const;

export type TemplateName = keyof typeof templates;

// Messages whose links act for the recipient (sign in, set a password, take a role).
const SECRET_LINK_TEMPLATES: ReadonlySet<string> = new Set<TemplateName>([
  "verify-email",
  "reset-password",
  "change-email",
  "invitation",
  "door-invitation",
  // Opens the person's feedback form without a log-in.
  "feedback-request",
  // Opens the donor's receipt (and, for monthly gifts, the card portal) without a log-in.
  "donation-receipt",
  "monthly-gift-payment-failed",
  // Records a mentorship rating without a log-in.
  "mentorship-check-in",
  // Records where the person is now without a log-in.
  "follow-up-request",
  // Downloads the person's data (for them only, signed in, but still a key worth hiding).
  "data-export-ready",
  // Gives a parent's or guardian's consent for a young person's account.
  "guardian-consent-request",
  // The code itself confirms a phone number or signs in with it.
  "phone-code",
]);

/** Organisers must not be able to use someone else's one-time link once it went out by email. */
export function carriesSecretLink(name: string): boolean {
  return SECRET_LINK_TEMPLATES.has(name);
}

// Messages a person may turn off, by kind; every other template is transactional.
const OPT_OUT_KINDS: Partial<Record<TemplateName, NotificationKind>> = {
  "event-reminder": "event-reminders",
  "feedback-request": "event-feedback",
  "step-released": "step-releases",
  "step-nudge": "step-nudges",
  "mentoring-session-reminder": "mentoring-reminders",
  "mentorship-check-in": "mentorship-check-ins",
  "follow-up-request": "follow-ups",
  broadcast: "news",
};

/** The kind of email a template is, when its recipient may turn it off; null for transactional mail. */
export function optOutKindOf(name: string): NotificationKind | null {
  return isTemplateName(name) ? (OPT_OUT_KINDS[name] ?? null) : null;
}

/** What the caller of `enqueueMessage` passes: optional fields (such as expiry hours) may be left out. */
export type TemplateProps<T extends TemplateName> = z.input<(typeof templates)[T]["schema"]>;

export type RenderedEmail = { subject: string; html: string; text: string; calendar: EmailCalendar | null };

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

type AnyTemplate = EmailTemplate<z.ZodType<Record<string, unknown>>>;

/**
 * The template and the props it accepts. Throws on an unknown template or props that do not fit
 * it: the outbox row then counts a failed attempt instead of sending a broken message.
 */
function checkedTemplate(name: string, props: unknown): { template: AnyTemplate; data: Record<string, unknown> } {
  if (!isTemplateName(name)) throw new Error(`Unknown email template "${String(name)}"`);
  const template = templates[name] as unknown as AnyTemplate;
  const parsed = template.schema.safeParse(props);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Email template "${name}" got bad props: ${issue.path.join(".") || "props"} ${issue.message}`);
  }
  return { template, data: parsed.data };
}

/** Renders a message to its subject, HTML and plain text. */
export async function renderEmail<T extends TemplateName>(
  name: T,
  props: TemplateProps<T>,
  organisation: EmailOrganisation,
  options: { unsubscribeUrl?: string } = {},
): Promise<RenderedEmail> {
  const { template, data } = checkedTemplate(name, props);
  // Loaded with the first email, not at start: pages never need the renderer (or its formatter).
  const { render } = await import("@react-email/render");
  const element = createElement(EmailFooterContext.Provider, { value: { unsubscribeUrl: options.unsubscribeUrl ?? null } }, createElement(template.Body, { ...data, organisation }));
  const html = await render(element);
  const calendar = template.calendar?.(data) ?? null;
  return { subject: template.subject(data, organisation), html, text: await plainTextOf(html), calendar };
}

/**
 * The message as an SMS, with typographic characters swapped for GSM-7 ones so it costs as few
 * parts as it can. Its links are in full: the sender shortens them.
 */
export function renderShortText<T extends TemplateName>(name: T, props: TemplateProps<T>, organisation: EmailOrganisation): string {
  const { template, data } = checkedTemplate(name, props);
  return gsmSafe(template.short(data, organisation));
}

export type RenderedWhatsAppTemplate = { name: string; language: "en"; params: string[] };

// Meta refuses a parameter with a line break, a tab or more than four spaces in a row, and an empty one.
function whatsAppParam(value: string): string {
  return value.replace(/\s+/g, " ").trim() || "-";
}

/** The message as a WhatsApp template: its approved name and the body's parameters, in order. */
export function renderWhatsAppTemplate<T extends TemplateName>(name: T, props: TemplateProps<T>, organisation: EmailOrganisation): RenderedWhatsAppTemplate {
  const { template, data } = checkedTemplate(name, props);
  return { name: template.whatsapp.name, language: "en", params: template.whatsapp.params(data, organisation).map(whatsAppParam) };
}

export type WhatsAppTemplateBody = { name: string; category: NonNullable<WhatsAppForm<unknown>["category"]>; body: string };

/** Every template's WhatsApp body with its placeholders, as organisers submit them to Meta for approval. */
export function whatsappTemplateBodies(): WhatsAppTemplateBody[] {
  return Object.values(templates).map(({ whatsapp }) => ({ name: whatsapp.name, category: whatsapp.category ?? "UTILITY", body: whatsapp.body }));
}
