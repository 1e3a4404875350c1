import type { EventStatus } from "~/modules/events";
import { STATUS_LABELS } from "~/modules/events";

const CLASSES: Record<EventStatus, string> = { draft: "tag", published: "tag tag--success", cancelled: "tag tag--error" };

export function EventStatusTag({ status }: { status: EventStatus }) {
  return <span className={CLASSES[status]}>{STATUS_LABELS[status]}</span>;
}
