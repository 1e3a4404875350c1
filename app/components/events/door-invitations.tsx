import { Form } from "react-router";

// The door team page's invitations (ADR 0034): emailed ones still pending, and the link shown at the door.

type PendingInvitation = { id: string; email: string; everyEvent: boolean; expires: string; inviterName: string | null };

export function PendingDoorInvitations({ pending }: { pending: PendingInvitation[] }) {
  if (!pending.length) return null;
  return (
    <>
      <h2>Invited, not joined yet</h2>
      <ul className="door-list" aria-label="Pending invitations">
        {pending.map((invitation) => (
          <li key={invitation.id} className="door-list__row">
            <div className="door-list__who">
              <strong className="wrap-anywhere">{invitation.email}</strong>
              <span className="muted">
                Invited{invitation.inviterName ? ` by ${invitation.inviterName}` : ""}; the link works until {invitation.expires}.
              </span>
              {invitation.everyEvent ? <span className="tag">Every event</span> : null}
            </div>
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="id" value={invitation.id} />
              <button type="submit" className="button button--secondary">
                Withdraw<span className="visually-hidden"> the invitation to {invitation.email}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

type LiveLink = { id: string; everyEvent: boolean; expires: string };
export type ShownLink = LiveLink & { url: string; qr: string };

/** The link just made, as a QR code to show at the door and as text; and the live links, each with a button to end it. */
export function DoorLinkPanel({ shown, live }: { shown: ShownLink | null; live: LiveLink[] }) {
  return (
    <section aria-labelledby="door-link-heading">
      <h2 id="door-link-heading">A link for volunteers on the spot</h2>
      <p className="muted measure">
        Show the QR code at the door: whoever scans it can join the door team with an account, new or their own, for two hours.
        A new link ends the last one of the same kind.
      </p>
      {shown ? (
        <div className="ticket">
          <div className="ticket__qr" role="img" aria-label="QR code that opens the link to join the door team" dangerouslySetInnerHTML={{ __html: shown.qr }} />
          <p className="wrap-anywhere">
            <a href={shown.url}>{shown.url}</a>
          </p>
          <p className="muted">
            Works until {shown.expires}{shown.everyEvent ? ", for every event" : ", for this event"}. It is shown only now: to show it
            again later, make a new one.
          </p>
        </div>
      ) : null}
      {live.length ? (
        <ul className="door-list" aria-label="Live links">
          {live.map((link) => (
            <li key={link.id} className="door-list__row">
              <div className="door-list__who">
                <strong>Link until {link.expires}</strong>
                {link.everyEvent ? <span className="tag">Every event</span> : <span className="muted">This event</span>}
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="end-link" />
                <input type="hidden" name="id" value={link.id} />
                <button type="submit" className="button button--secondary">
                  End now<span className="visually-hidden"> the link until {link.expires}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="create-link" />
        <div className="field">
          <div className="checkbox">
            <input type="checkbox" id="link-every-event" name="everyEvent" value="on" />
            <label htmlFor="link-every-event">This link is for every event, not only this one</label>
          </div>
        </div>
        <button type="submit" className="button button--primary">
          Make a link and QR code
        </button>
      </Form>
    </section>
  );
}
