import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { JoinCodeForm } from "~/components/cohorts/join-code-form";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { formatDateTime } from "~/utils/dates";
import { staticPage } from "~/utils/hydration";
import { requireUser } from "~/routes/helpers/session.server";
import { programmeFor } from "~/modules/cohorts/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "My programme" }];

export const handle = staticPage;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { timeZone } = getOrganisation();
  const programmes = programmeFor(user.id).map((p) => ({
    ...p,
    steps: p.steps.map((s) => ({
      position: s.position,
      title: s.title,
      // Steps not yet open show their title and date only.
      summary: s.state === "locked" ? "" : s.summary,
      state: s.state,
      opens: s.releaseAt === null ? null : formatDateTime(s.releaseAt, timeZone),
    })),
  }));
  return { programmes };
}

type Programme = ReturnType<typeof useLoaderData<typeof loader>>["programmes"][number];

function NextStep({ programme }: { programme: Programme }) {
  const href = (position: number) => `/me/programme/${programme.cohort.id}/steps/${position}`;
  if (programme.openStep) {
    const step = programme.steps.find((s) => s.position === programme.openStep!.position)!;
    return (
      <div className="card next-step">
        <h3>
          Your next step: <Link to={href(step.position)}>Step {step.position}. {step.title}</Link>
        </h3>
        <p>{step.summary}</p>
        <Link to={href(step.position)} className="button button--primary">
          Open step {step.position}
        </Link>
      </div>
    );
  }
  const upcoming = programme.steps.find((s) => s.state === "locked");
  if (!upcoming) return null;
  return (
    <p className="notice">
      You are up to date. Step {upcoming.position} opens {upcoming.opens ? `on ${upcoming.opens}` : "soon"}; we will email you.
    </p>
  );
}

function Finished({ programme }: { programme: Programme }) {
  return (
    <div className="notice notice--success">
      <h3>You finished every step</h3>
      <p>
        Well done. Your certificate has a public address you can share with employers:{" "}
        {programme.certificateId ? <Link to={`/certificates/${programme.certificateId}`}>see your certificate</Link> : "it is being prepared"}.
      </p>
      {programme.futureNote ? (
        <>
          <p>Here is the note you wrote to your future self:</p>
          <blockquote className="future-note">{programme.futureNote}</blockquote>
        </>
      ) : null}
    </div>
  );
}

export default function MyProgramme() {
  const { programmes } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="My programme" lead="Short steps, one at a time, with your cohort." />
      {programmes.length === 0 ? (
        <EmptyState title="You are not in a cohort yet">
          <p>Organisers give each cohort a join code at workshops and by email. Enter yours to join.</p>
          <JoinCodeForm />
        </EmptyState>
      ) : null}
      {programmes.map((programme) => {
        const finished = programme.steps.length > 0 && programme.doneCount === programme.steps.length;
        const reached = programme.steps.filter((s) => s.state !== "locked");
        const coming = programme.steps.filter((s) => s.state === "locked");
        return (
          <section key={programme.cohort.id} aria-labelledby={`cohort-${programme.cohort.id}`} className="programme">
            <h2 id={`cohort-${programme.cohort.id}`}>{programme.cohort.name}</h2>
            <p className="muted">{programme.curriculumTitle}</p>
            <label className="progress-label" htmlFor={`progress-${programme.cohort.id}`}>
              {programme.doneCount} of {programme.steps.length} steps done
            </label>
            <progress id={`progress-${programme.cohort.id}`} max={programme.steps.length || 1} value={programme.doneCount}>
              {programme.doneCount} of {programme.steps.length}
            </progress>
            {finished ? <Finished programme={programme} /> : <NextStep programme={programme} />}
            {reached.length ? (
              <>
                <h3>Steps so far</h3>
                <ol className="step-list">
                  {reached.map((s) => (
                    <li key={s.position} value={s.position}>
                      <Link to={`/me/programme/${programme.cohort.id}/steps/${s.position}`}>{s.title}</Link>{" "}
                      {s.state === "done" ? <span className="tag tag--success">Done</span> : <span className="tag">Open</span>}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            {coming.length ? (
              <>
                <h3>Coming up</h3>
                <ol className="step-list step-list--locked">
                  {coming.map((s) => (
                    <li key={s.position} value={s.position}>
                      {s.title} <span className="muted">· {s.opens ? `opens ${s.opens}` : "date to be set"}</span>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </section>
        );
      })}
      <h2>My applications</h2>
      <p>
        Keep track of the jobs you apply for: <Link to="/me/applications">open my application tracker</Link>. It stays yours after
        the programme ends.
      </p>
      {programmes.length ? (
        <details>
          <summary>Joining another cohort?</summary>
          <JoinCodeForm />
        </details>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
