type Status = "scheduled" | "sent" | "cancelled";

const TAGS: Record<Status, { label: string; className: string }> = {
  scheduled: { label: "Scheduled", className: "tag" },
  sent: { label: "Sent", className: "tag tag--success" },
  cancelled: { label: "Cancelled", className: "tag tag--error" },
};

/** A message to a group's state in words, the same on the list and on its page. */
export function BroadcastStatusTag({ status }: { status: Status }) {
  return <span className={TAGS[status].className}>{TAGS[status].label}</span>;
}
