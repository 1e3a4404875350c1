import { Link } from "react-router";

type Row = { id: string; heading: string; statement: string; earnedOn: string };

/** The person's attendance and journey certificates, each with its public verification page. */
export function MyAchievements({ achievements }: { achievements: Row[] }) {
  if (achievements.length === 0) return null;
  return (
    <section aria-labelledby="achievements-title">
      <h2 id="achievements-title">Your certificates</h2>
      <ul>
        {achievements.map((a) => (
          <li key={a.id}>
            <Link to={`/achievements/${a.id}`}>{a.heading}</Link>: {a.statement}, {a.earnedOn}.
          </li>
        ))}
      </ul>
      <p className="muted">Each has its own page that anyone with the link can check: share it with an employer.</p>
    </section>
  );
}
