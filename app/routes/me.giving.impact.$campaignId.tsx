import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ImpactReportView } from "~/components/journey/impact-report";
import { notFound } from "~/utils/http.server";
import { getUser } from "~/routes/helpers/session.server";
import { impactReport, sponsorMayRead } from "~/modules/journey/index.server";
import impactStyles from "~/styles/impact.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: impactStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.report.title ?? "Impact report" }];

/** A campaign's report, for a sponsor who gave to it; to anyone else, signed in or not, it does not exist. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = getUser(request);
  const campaignId = params.campaignId ?? "";
  const report = user && sponsorMayRead(user, "campaign", campaignId) ? impactReport("campaign", campaignId) : null;
  if (!report) return notFound("There is no report here for you.");
  return { report };
}

export default function MyCampaignImpact() {
  const { report } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me/giving">My giving</Link>
      </p>
      <ImpactReportView report={report} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
