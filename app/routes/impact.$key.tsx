import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ImpactReportView } from "~/components/journey/impact-report";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { publishedYearReport, reportByToken } from "~/modules/journey/index.server";
import impactStyles from "~/styles/impact.css?url";

// Two public pages at one address (ADR 0041): /impact/2026 is the organisation's published annual
// report; any other key is a sponsor's share link, opened without logging in.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: impactStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.report.title ?? "Impact report" },
  ...(data?.shared === false ? [] : [{ name: "robots", content: "noindex" }]),
];

export const handle = staticPage;

// A share link's token is in the address: never pass it on, and keep the page out of caches, so a
// link turned off or a story withdrawn is gone at once. The published annual report is a public
// page like any other: a validator, and a short stay in a shared cache (ADR 0042).
const SHARE_LINK_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export function loader({ params }: LoaderFunctionArgs) {
  const key = params.key ?? "";
  if (/^\d{4}$/.test(key)) {
    const report = publishedYearReport(key);
    if (!report) return notFound("There is no public impact report for that year.");
    return { report, shared: false };
  }
  const report = reportByToken(key);
  if (!report) {
    throw data({ message: "This link does not open a report. It may have been turned off: ask the organisers for a new one." }, { status: 404, headers: SHARE_LINK_HEADERS });
  }
  return data({ report, shared: true }, { headers: SHARE_LINK_HEADERS });
}

export default function PublicImpactReport() {
  const { report } = useLoaderData<typeof loader>();
  return (
    <ImpactReportView report={report}>
      <p className="muted no-print">To keep a copy, use your browser&rsquo;s Print menu.</p>
    </ImpactReportView>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
