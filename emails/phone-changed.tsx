import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, paragraph, type EmailOrganisation } from "./layout";

// Sent by SMS to the OLD number once the change is done, so a stolen account is noticed. The new
// number is never written out in full: the old number may by now belong to someone else.

const schema = z.object({
  name: z.string(),
  /** The start of the new number as people write it ("0803", "+44"). */
  numberStart: z.string().regex(/^\+?\d{1,5}$/),
  /** Its last four digits. */
  numberEnd: z.string().regex(/^\d{4}$/),
});

type Props = z.output<typeof schema>;

const masked = ({ numberStart, numberEnd }: Props, hidden = "•••") => `${numberStart} ${hidden} ${numberEnd}`;

const notYou = (organisation: EmailOrganisation) =>
  organisation.contactEmail ? `contact us at ${organisation.contactEmail}` : "tell the organisers straight away";

export const phoneChanged = defineTemplate({
  schema,
  subject: (_props, organisation) => `Your ${organisation.name} mobile number was changed`,
  // Asterisks where the email has dots: a dot "•" would make the whole text cost UCS-2 messages.
  short: (props, organisation) =>
    `${organisation.name}: your mobile number on ${organisation.name} was changed to ${masked(props, "***")}. If this was not you, ${notYou(organisation)}.`,
  whatsapp: {
    name: "phone_changed",
    body: "Hello {{1}}, the mobile number of your account was changed to {{2}}. If you did not make this change, please tell the organisers straight away.",
    params: (props) => [props.name, masked(props)],
  },
  Body: ({ organisation, ...props }) => (
    <EmailLayout
      organisation={organisation}
      preview={`From now on we text ${masked(props)}.`}
      heading="Your mobile number was changed"
      reason={`You got this email because this number was on a ${organisation.name} account until now. We send it every time the number changes.`}
    >
      <Text style={paragraph}>Hello {props.name},</Text>
      <Text style={paragraph}>
        The mobile number of your {organisation.name} account was changed to {masked(props)}. From now on we will text that
        number, and log-in codes go to it.
      </Text>
      <Text style={paragraph}>
        Did you not make this change? Then someone else may be using your account. Please {notYou(organisation)} and we will
        help you get your account back.
      </Text>
    </EmailLayout>
  ),
});
