import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { impactReportChoices, setYearPublished } from "~/modules/journey/index.server";
import { pageAsked } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Impact reports · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  // The sponsors are listed a page at a time; campaigns and years are few.
  return impactReportChoices({ sponsorsPage: pageAsked(new URL(request.url).searchParams) });
}

/** The annual page's publish switch. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "publish" && intent !== "withdraw") return data({ message: "Choose to publish or withdraw a year's page." }, { status: 400 });
  const year = String(form.get("year") ?? "");
  const done = setYearPublished(actor.id, year, intent === "publish");
  if (!done.ok) return data({ message: done.message }, { status: done.status });
  return redirectWithFlash("/admin/impact", intent === "publish" ? `The ${year} impact page is public at /impact/${year}.` : `The ${year} impact page is no longer public.`);
}

export default function ImpactReports() {
  const { campaigns, sponsors, years } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Impact reports" lead="What the giving paid for and whom it reached, for sponsors and for the public. Figures about fewer than 5 people are never shown." />
      <section aria-labelledby="years-title">
        <h2 id="years-title">Annual reports</h2>
        <ul className="plain-list impact-links">
          {years.map(({ year, published }) => (
            <li key={year}>
              <Link to={`/admin/impact/year/${year}`}>{year}</Link>{" "}
              {published ? (
                <>
                  <span className="tag">Public</span> <Link to={`/impact/${year}`}>Public page</Link>
                </>
              ) : (
                <span className="muted">not public</span>
              )}
              <Form method="post" className="inline-form">
                <input type="hidden" name="year" value={year} />
                <button type="submit" name="intent" value={published ? "withdraw" : "publish"} className="button button--secondary">
                  {published ? "Withdraw" : "Publish"}
                  <span className="visually-hidden"> the {year} page</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">Campaigns</h2>
        {campaigns.length ? (
          <ul className="impact-links">
            {campaigns.map((campaign) => (
              <li key={campaign.id}>
                <Link to={`/admin/impact/campaign/${campaign.id}`}>{campaign.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>No open or closed campaigns yet.</p>
        )}
      </section>
      <section aria-labelledby="sponsors-title">
        <h2 id="sponsors-title">Sponsors</h2>
        <p className="muted">People with an account and a paid gift. Each report covers only their own gifts.</p>
        {sponsors.sponsors.length ? (
          <>
            <ul className="impact-links">
              {sponsors.sponsors.map((sponsor) => (
                <li key={sponsor.id}>
                  <Link to={`/admin/impact/sponsor/${sponsor.id}`}>{sponsor.name}</Link>
                </li>
              ))}
            </ul>
            <Pagination page={sponsors.page} pageCount={sponsors.pageCount} label="Pages of sponsors" />
          </>
        ) : (
          <p>No sponsors with an account have given yet.</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
