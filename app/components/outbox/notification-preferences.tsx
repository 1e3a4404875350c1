import { Form } from "react-router";
import { SubmitButton } from "~/components/forms";

type Choice = { kind: string; label: string; hint: string; on: boolean };

/**
 * A checkbox per kind of email a person may turn off, as a plain form (works without JavaScript).
 * Messages about their own account, bookings and gifts always go out and are not listed.
 */
export function NotificationPreferencesForm({ choices, action }: { choices: Choice[]; action?: string }) {
  return (
    <Form method="post" action={action} className="form">
      <input type="hidden" name="intent" value="save" />
      <fieldset>
        <legend>Emails you get</legend>
        <p className="field__hint">Untick what you do not want. Emails about your account, your bookings and your gifts always come.</p>
        {choices.map((choice) => (
          <div className="field" key={choice.kind}>
            <div className="checkbox">
              <input type="checkbox" id={`kind-${choice.kind}`} name="on" value={choice.kind} defaultChecked={choice.on} aria-describedby={`kind-${choice.kind}-hint`} />
              <label htmlFor={`kind-${choice.kind}`}>{choice.label}</label>
            </div>
            <p id={`kind-${choice.kind}-hint`} className="field__hint checkbox__hint">
              {choice.hint}
            </p>
          </div>
        ))}
      </fieldset>
      <SubmitButton>Save my choices</SubmitButton>
    </Form>
  );
}
