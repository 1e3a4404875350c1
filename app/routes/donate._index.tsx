import type { MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { CampaignProgressBar } from "~/components/sponsorship/campaign-progress";
import { staticPage } from "~/utils/hydration";
import { openCampaignsView } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) =>
  shareMeta(siteShareOf(matches), {
    path: location.pathname,
    title: data ? `Give: ${data.organisationName}` : "Give",
    description: "Support workshops, mentoring and the youth programme: give once or monthly, by card or bank transfer.",
  });

export const handle = staticPage;

export function loader() {
  return { organisationName: getOrganisation().name, campaigns: openCampaignsView() };
}

export default function Donate() {
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Give" lead="Every gift pays for something real: a workshop seat, a month of mentoring, a step back into work.">
        <p>
          <Link to="/sponsors">See our sponsor wall</Link> · <Link to="/partner">Partner with us</Link>
        </p>
      </PageHeader>
      {campaigns.length ? (
        <ul className="card-grid">
          {campaigns.map((campaign) => (
            <li key={campaign.slug} className="card">
              <h2>
                <Link to={`/donate/${campaign.slug}`}>{campaign.title}</Link>
              </h2>
              {campaign.summary ? <p>{campaign.summary}</p> : null}
              <CampaignProgressBar progress={campaign.progress} id={`progress-${campaign.slug}`} />
              <p>
                <Link to={`/donate/${campaign.slug}`} className="button button--primary" aria-label={`Give to ${campaign.title}`}>
                  Give
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No open campaigns right now">
          <p>
            Please come back soon, or <Link to="/partner">get in touch about partnering with us</Link>.
          </p>
        </EmptyState>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
