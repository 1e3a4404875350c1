import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ImpactReportView } from "~/components/journey/impact-report";
import { EmptyState } from "~/components/layout";
import { requireUser } from "~/routes/helpers/session.server";
import { impactReport, sponsorMayRead } from "~/modules/journey/index.server";
import impactStyles from "~/styles/impact.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: impactStyles }];

export const meta: MetaFunction = () => [{ title: "What your gifts did" }];

/** The signed-in person's own sponsor report: their gifts only (an empty page until they have one). */
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { report: sponsorMayRead(user, "sponsor", user.id) ? impactReport("sponsor", user.id) : null };
}

export default function MyImpactReport() {
  const { report } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me/giving">My giving</Link>
      </p>
      {report ? (
        <ImpactReportView report={report} />
      ) : (
        <EmptyState title="What your gifts did">
          <p>Once a gift of yours has been received, this page shows what it paid for and whom it reached.</p>
        </EmptyState>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
