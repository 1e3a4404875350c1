type Status = "pending" | "sent" | "dead" | "skipped";

/** An outbox message's state in words, the same on the list and on the message page. */
export function OutboxStatusTag({ status, deliveredLocally }: { status: Status; deliveredLocally: boolean }) {
  if (status === "sent") {
    return <span className="tag tag--success">{deliveredLocally ? "In the local mailbox" : "Sent"}</span>;
  }
  if (status === "dead") return <span className="tag tag--error">Not delivered</span>;
  if (status === "skipped") return <span className="tag">Not sent: turned off</span>;
  return <span className="tag">Waiting</span>;
}
