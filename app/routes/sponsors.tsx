import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { Fragment } from "react";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { SponsorWall } from "~/components/sponsorship/sponsor-wall";
import { staticPage } from "~/utils/hydration";
import { formatMoney } from "~/utils/money";
import { wallView, overallWall, totalsByCurrency } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) =>
  shareMeta(siteShareOf(matches), {
    path: location.pathname,
    title: data ? `Our sponsors: ${data.organisationName}` : "Our sponsors",
    description: "The people and organisations whose gifts keep our workshops, mentoring and youth programme going.",
  });

export const handle = staticPage;

export function loader({ request }: LoaderFunctionArgs) {
  const organisation = getOrganisation();
  const page = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1;
  const wall = overallWall(page);
  return {
    organisationName: organisation.name,
    totals: totalsByCurrency().map((total) => ({
      currency: total.currency,
      raised: formatMoney(total.raised, total.currency),
      gifts: total.gifts,
      donors: total.donors,
    })),
    entries: wallView(wall.entries, organisation.timeZone),
    page: wall.page,
    pageCount: wall.pageCount,
  };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export default function Sponsors() {
  const { organisationName, totals, entries, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Our sponsors" lead={`Thank you to everyone who gives to ${organisationName}.`}>
        <p>
          <Link to="/donate" className="button button--primary">
            Give
          </Link>
        </p>
      </PageHeader>
      {totals.length ? (
        <section aria-labelledby="totals-title">
          <h2 id="totals-title">Given so far</h2>
          <dl className="summary-list">
            {totals.map((total) => (
              <Fragment key={total.currency}>
                <dt>{total.currency}</dt>
                <dd>
                  <strong>{total.raised}</strong> from {plural(total.donors, "donor", "donors")} ({plural(total.gifts, "gift", "gifts")})
                </dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="wall-title">
        <h2 id="wall-title">Sponsor wall</h2>
        {entries.length ? (
          <>
            <SponsorWall entries={entries} showCampaign />
            <Pagination page={page} pageCount={pageCount} label="Sponsor wall pages" />
          </>
        ) : (
          <EmptyState title="No gifts listed yet">
            <p>
              <Link to="/donate">Be the first to give</Link>.
            </p>
          </EmptyState>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
