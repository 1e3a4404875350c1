import { Link } from "react-router";

export type TimelineItem = { at: number; when: string; kind: "event" | "cohort" | "mentoring" | "outcome" | "follow-up"; title: string; detail: string };

const KIND_WORDS: Record<TimelineItem["kind"], string> = { event: "Event", cohort: "Programme", mentoring: "Mentoring", outcome: "Outcome", "follow-up": "Follow-up" };

/** A person's journey for organisers, newest first: what happened, never what they wrote. */
export function JourneyTimeline({ personId, name, items }: { personId: string; name: string; items: TimelineItem[] }) {
  return (
    <section aria-labelledby="journey">
      <h2 id="journey" tabIndex={-1}>
        Journey
      </h2>
      <p className="measure">
        Events, the programme (steps completed, not the answers), mentoring (sessions held, not the notes), outcomes and follow-ups, newest first.{" "}
        <Link to={`/admin/people/${personId}/outcomes`}>Record an outcome for {name}</Link>. Stories people agreed to share are on{" "}
        <Link to="/admin/stories">Stories</Link>.
      </p>
      {items.length ? (
        <ol className="timeline" reversed>
          {items.map((item, index) => (
            <li key={`${item.at}-${index}`}>
              <span className="timeline__when">
                <time dateTime={new Date(item.at).toISOString()}>{item.when}</time> · {KIND_WORDS[item.kind]}
              </span>
              <strong>{item.title}</strong>
              {item.detail ? <span>: {item.detail}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>Nothing yet: no bookings, cohorts, mentoring or outcomes.</p>
      )}
    </section>
  );
}
