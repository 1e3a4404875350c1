import { Link } from "react-router";

type Summary = { cohortId: string; cohortName: string; doneCount: number; total: number; openStep: { position: number; title: string } | null; certificateId: string | null };

/** The programme on the person's home page: progress and the next step, or how to join. */
export function MyProgrammeCard({ programmes, organiser }: { programmes: Summary[]; organiser: boolean }) {
  return (
    <section className="card" aria-labelledby="my-programme-title">
      <h2 id="my-programme-title">
        <Link to="/me/programme">My programme</Link>
      </h2>
      {programmes.length ? (
        <ul className="plain-list">
          {programmes.map((p) => (
            <li key={p.cohortId}>
              <strong>{p.cohortName}</strong>: {p.doneCount} of {p.total} steps done.{" "}
              {p.openStep ? (
                <Link to={`/me/programme/${p.cohortId}/steps/${p.openStep.position}`}>
                  Next: step {p.openStep.position}, {p.openStep.title}
                </Link>
              ) : p.certificateId ? (
                <Link to={`/certificates/${p.certificateId}`}>See your certificate</Link>
              ) : (
                "You are up to date."
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          You are not in a cohort yet. Have a join code? <Link to="/join">Enter it here</Link>. Or read about{" "}
          <Link to="/programme">the 15-step programme</Link>.
        </p>
      )}
      <p>
        <Link to="/me/applications">My applications</Link>
        {organiser ? (
          <>
            {" · "}
            <Link to="/admin/cohorts">Run cohorts</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
