import type { MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { JoinCodeForm } from "~/components/cohorts/join-code-form";
import { EmptyState, PageHeader } from "~/components/layout";
import { SharePanel } from "~/components/share-links";
import { useRootData } from "~/root";
import { staticPage } from "~/utils/hydration";
import { BUILT_IN_CURRICULUM, publicOverview } from "~/modules/curriculum/index.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";
import { shareLinks } from "~/utils/share-links";
import { absoluteUrl } from "~/utils/urls.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) =>
  shareMeta(siteShareOf(matches), { path: location.pathname, title: data?.overview ? data.overview.title : "The programme", description: data?.overview?.summary });

export const handle = staticPage;

export function loader() {
  const overview = publicOverview(BUILT_IN_CURRICULUM.slug);
  return { overview, share: overview ? shareLinks(overview.title, absoluteUrl("/programme")) : null };
}

export default function ProgrammeOverview() {
  const { overview, share } = useLoaderData<typeof loader>();
  const user = useRootData()?.user;
  if (!overview) {
    return (
      <EmptyState title="The programme is being prepared">
        <p>Check back soon.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <PageHeader title={overview.title} lead={overview.summary} />
      <p className="measure">
        You walk the steps with a cohort: one short step opens at a time, about five minutes to read, each with one small exercise
        you do on your phone. Your answers are private.
      </p>
      <ol className="step-list step-list--overview">
        {overview.steps.map((step) => (
          <li key={step.position} value={step.position}>
            <strong>{step.title}</strong>
            <br />
            <span className="muted">{step.summary}</span>
          </li>
        ))}
      </ol>
      <h2>How to join</h2>
      <p className="measure">
        Cohorts start after our workshops, and organisers share a join code. Have one? Enter it here.
        {user ? null : (
          <>
            {" "}
            You will need an account: <Link to="/signup">sign up</Link> or <Link to="/login?redirectTo=%2Fme%2Fprogramme">log in</Link>.
          </>
        )}
      </p>
      <JoinCodeForm />
      {share ? <SharePanel share={share} /> : null}
    </>
  );
}
