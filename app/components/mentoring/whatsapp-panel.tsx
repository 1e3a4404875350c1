import { Form, Link } from "react-router";
import type { Workspace } from "~/modules/mentoring";

/** Why there is no chat link yet, in the viewer's words; null when the link is there. */
function waitingFor(whatsApp: Workspace["whatsApp"], otherName: string): string | null {
  if (whatsApp.chatUrl) return null;
  if (!whatsApp.iShare && whatsApp.otherShares) return `${otherName} has chosen to share their WhatsApp number with you. Tick the box to share yours and chat.`;
  if (!whatsApp.iShare) return `Neither of you shares a WhatsApp number yet.`;
  if (!whatsApp.myNumberVerified) return null;
  if (!whatsApp.otherShares) return `${otherName} has not chosen to share their number yet.`;
  return `${otherName} has not added a verified mobile number yet.`;
}

/** Each of the pair chooses to show their WhatsApp number; when both do, each gets a tap-to-chat link. */
export function WhatsAppPanel({ workspace }: { workspace: Workspace }) {
  const { whatsApp, otherName } = workspace;
  if (!workspace.active) return null;
  const waiting = waitingFor(whatsApp, otherName);
  return (
    <section aria-labelledby="whatsapp-title" id="whatsapp">
      <h2 id="whatsapp-title">Chat on WhatsApp</h2>
      {whatsApp.chatUrl ? (
        <p>
          <a href={whatsApp.chatUrl} rel="noopener noreferrer" className="button button--secondary">
            Chat with {otherName} on WhatsApp
          </a>
        </p>
      ) : null}
      {waiting ? <p className="muted">{waiting}</p> : null}
      {whatsApp.heldForGuardian ? (
        <p className="notice">You can share your number once your parent or guardian has agreed to your account.</p>
      ) : (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="whatsapp" />
          <div className="field">
            <div className="checkbox">
              <input key={String(whatsApp.iShare)} id="whatsapp-share" name="share" type="checkbox" defaultChecked={whatsApp.iShare} aria-describedby="whatsapp-share-hint" />
              <label htmlFor="whatsapp-share">Show my WhatsApp number to {otherName}</label>
            </div>
            <p id="whatsapp-share-hint" className="field__hint checkbox__hint">
              Your number is shown only when you both tick this box. Untick it at any time and the link goes for both of you.
              {whatsApp.myNumberVerified ? null : (
                <>
                  {" "}
                  First <Link to="/me/phone">add and verify your mobile number</Link>.
                </>
              )}
            </p>
          </div>
          <button type="submit" className="button button--secondary">
            Save my choice
          </button>
        </Form>
      )}
    </section>
  );
}
