import { Form, Link } from "react-router";
import { SubmitButton } from "~/components/forms";
import { CHANNEL_LABELS, kindField, type MessageKind } from "~/modules/outbox";

type Channel = keyof typeof CHANNEL_LABELS;

type Props = {
  enabled: Channel[];
  email: string | null;
  phone: string | null;
  whatsapp: boolean;
  preferred: Channel;
  kinds: { kind: MessageKind; label: string; optional: boolean; channels: Channel[] }[];
};

/** What reaches the person today, in words, with where to change it. */
function Reachable({ email, phone, whatsapp, enabled }: Pick<Props, "email" | "phone" | "whatsapp" | "enabled">) {
  return (
    <ul className="plain-list">
      <li>Email: {email ?? <span className="muted">no address yet</span>}</li>
      {enabled.includes("sms") || enabled.includes("whatsapp") ? (
        <li>
          Mobile: {phone ?? <span className="muted">no number yet</span>} (<Link to="/me/phone">{phone ? "change" : "add your number"}</Link>)
        </li>
      ) : null}
      {enabled.includes("whatsapp") ? (
        <li>
          WhatsApp: {whatsapp ? "yes" : "not yet"} (<Link to="/me/phone">{whatsapp ? "stop WhatsApp" : "say yes to WhatsApp"}</Link>)
        </li>
      ) : null}
    </ul>
  );
}

/**
 * Per kind of message, a checkbox for each channel organisers switched on, and the channel tried
 * first. A plain form: works without JavaScript.
 */
export function ChannelPreferencesForm(props: Props) {
  const { enabled, preferred, kinds } = props;
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="channels" />
      <Reachable {...props} />
      <fieldset className="field">
        <legend className="field__label">How would you like to hear from us first?</legend>
        <p className="field__hint">If a text or WhatsApp message cannot reach you, we try the next way you allow below.</p>
        {enabled.map((channel) => (
          <div className="radio" key={channel}>
            <input type="radio" id={`preferred-${channel}`} name="preferred" value={channel} defaultChecked={channel === preferred} />
            <label htmlFor={`preferred-${channel}`}>{CHANNEL_LABELS[channel]}</label>
          </div>
        ))}
      </fieldset>
      {kinds.map((choice) => (
        <fieldset className="field" key={choice.kind}>
          <legend className="field__label">{choice.label}</legend>
          <p className="field__hint">
            {choice.optional ? "Untick every way to stop these." : "These always reach you: if you untick every way, we use any that works."}
          </p>
          <div className="checkbox-row">
            {enabled.map((channel) => (
              <div className="checkbox" key={channel}>
                <input
                  type="checkbox"
                  id={`${choice.kind}-${channel}`}
                  name={kindField(choice.kind)}
                  value={channel}
                  defaultChecked={choice.channels.includes(channel)}
                />
                <label htmlFor={`${choice.kind}-${channel}`}>{CHANNEL_LABELS[channel]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <SubmitButton>Save my choices</SubmitButton>
    </Form>
  );
}
