import { Link } from "react-router";
import type { MentoringFormat } from "~/modules/mentoring";
import { formatList } from "~/modules/mentoring";

type MentorSummaryView = {
  mentorId: string;
  name: string;
  headline: string;
  city: string;
  remote: boolean;
  formats: MentoringFormat[];
  languages: string[];
  industries: string[];
  placesLeft: number;
  eligible: boolean;
  scored: boolean;
  score: number;
  reasons: string[];
  blockers: string[];
};

/** Just the summary's fields, from a fuller record such as a mentor suggestion. */
export function mentorSummaryView(m: MentorSummaryView): MentorSummaryView {
  return {
    mentorId: m.mentorId,
    name: m.name,
    headline: m.headline,
    city: m.city,
    remote: m.remote,
    formats: m.formats,
    languages: m.languages,
    industries: m.industries,
    placesLeft: m.placesLeft,
    eligible: m.eligible,
    scored: m.scored,
    score: m.score,
    reasons: m.reasons,
    blockers: m.blockers,
  };
}

/** Where my own requests and mentorships stand with this mentor, if anywhere. */
type PairState = "requested" | "mentor" | null;

function placesText(placesLeft: number): string {
  if (placesLeft <= 0) return "No places left";
  return placesLeft === 1 ? "1 place left" : `${placesLeft} places left`;
}

function whereText(city: string, remote: boolean): string {
  if (city && remote) return `${city}, or remotely`;
  return city || (remote ? "Remotely" : "Not given");
}

/** One mentor in the /mentors list: fit, the reasons in words, and why not when they cannot be asked. */
export function MentorSummary({ mentor, state, headingLevel = 2 }: { mentor: MentorSummaryView; state: PairState; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card mentor-card" aria-labelledby={`mentor-${mentor.mentorId}`}>
      <Heading id={`mentor-${mentor.mentorId}`}>
        <Link to={`/mentors/${mentor.mentorId}`}>{mentor.name}</Link>
      </Heading>
      <p>{mentor.headline}</p>
      <p>
        {mentor.scored && mentor.eligible ? <span className="tag tag--success">Fit {mentor.score} out of 100</span> : null}{" "}
        <span className="tag">{placesText(mentor.placesLeft)}</span>{" "}
        {state === "mentor" ? <span className="tag tag--success">Your mentor</span> : null}
        {state === "requested" ? <span className="tag">You asked</span> : null}
      </p>
      <dl className="summary-list">
        <dt>Where</dt>
        <dd>{whereText(mentor.city, mentor.remote)}</dd>
        <dt>Languages</dt>
        <dd>{mentor.languages.join(", ") || "Not given"}</dd>
        <dt>Meets by</dt>
        <dd>{formatList(mentor.formats) || "Not given"}</dd>
        {mentor.industries.length ? (
          <>
            <dt>Industries</dt>
            <dd>{mentor.industries.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {mentor.reasons.length ? (
        <>
          <p className="mentor-card__label">Why this mentor</p>
          <ul className="reasons">
            {mentor.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      ) : null}
      {mentor.blockers.length ? (
        <>
          <p className="mentor-card__label">Cannot be asked now</p>
          <ul className="reasons reasons--blocked">
            {mentor.blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
