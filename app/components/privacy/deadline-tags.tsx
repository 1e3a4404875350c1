// How a data-rights clock stands, in words and a tag an organiser can scan down a column.

type Deadline = { overdue: boolean; left: number; over: number };

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** A request's 30 days: "12 days left", or "3 days overdue" in red. */
export function RequestDeadlineTag({ deadline, closed }: { deadline: Deadline; closed: boolean }) {
  if (closed) return deadline.overdue ? <span className="tag tag--error">Answered {plural(deadline.over, "day")} late</span> : <span className="tag tag--success">Answered in time</span>;
  if (deadline.overdue) return <span className="tag tag--error">{plural(deadline.over, "day")} overdue</span>;
  return <span className="tag">{deadline.left === 0 ? "Due now" : `${plural(deadline.left, "day")} left`}</span>;
}

/** A breach's 72 hours to tell the Commission: counting down, missed, or met. */
export function BreachDeadlineTag({ deadline, regulatorNotified }: { deadline: Deadline; regulatorNotified: boolean }) {
  if (regulatorNotified) {
    return deadline.overdue ? <span className="tag tag--error">NDPC told {plural(deadline.over, "hour")} late</span> : <span className="tag tag--success">NDPC told in time</span>;
  }
  if (deadline.overdue) return <span className="tag tag--error">NDPC not told: {plural(deadline.over, "hour")} overdue</span>;
  return <span className={deadline.left <= 24 ? "tag tag--error" : "tag"}>{plural(deadline.left, "hour")} left to tell the NDPC</span>;
}
