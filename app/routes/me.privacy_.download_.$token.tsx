import { data, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { formatDateTime } from "~/utils/dates";
import { staticPage } from "~/utils/hydration";
import { NO_REFERRER_META, noReferrerHeaders } from "~/utils/token-page";
import { requireUser } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { dataExportLink } from "~/modules/privacy/index.server";

// The emailed link. It opens a page, not the file, so the person sees what they are about to
// download, and how big it is, before spending their data on it.
export const meta: MetaFunction = () => [{ title: "Download your data" }, NO_REFERRER_META];

export const handle = staticPage;

export const headers = noReferrerHeaders;

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const token = params.token ?? "";
  const link = dataExportLink(user.id, token);
  if (link.status === "unknown") return data({ status: "unknown" as const, token, size: "", expiresAt: "" }, { status: 404 });
  if (link.status === "expired") return data({ status: "expired" as const, token, size: "", expiresAt: "" }, { status: 410 });
  const kilobytes = Math.max(1, Math.round(link.bytes / 1024));
  return { status: "ready" as const, token, size: `${kilobytes} KB`, expiresAt: formatDateTime(link.expiresAt, getOrganisation().timeZone) };
}

export default function DownloadLink() {
  const page = useLoaderData<typeof loader>();
  if (page.status === "unknown") {
    return (
      <>
        <PageHeader title="This download link does not work" />
        <p>
          It may be mistyped, replaced by a newer download, or meant for another account: a download opens only for the
          person it belongs to, logged in.
        </p>
        <p>
          <Link to="/me/privacy/download">Ask for a download of your data</Link>
        </p>
      </>
    );
  }
  if (page.status === "expired") {
    return (
      <>
        <PageHeader title="This download link has expired" />
        <p>Links to your data work for a week, and stop when you ask for a newer download. Your data is safe: ask for a new copy.</p>
        <p>
          <Link to="/me/privacy/download">Ask for a new download</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Your data is ready" lead={`A ZIP file of ${page.size}. This link works until ${page.expiresAt}.`} />
      <p>
        <a className="button button--primary" href={`/me/privacy/download/${page.token}.zip`} download>
          Download your data (ZIP, {page.size})
        </a>
      </p>
      <p className="muted">
        Open <code>index.html</code> in the ZIP to read everything. <code>data.json</code> and the <code>csv</code> folder hold
        the same for spreadsheets and other programs. Keep the file somewhere safe: it is about you.
      </p>
      <p>
        <Link to="/me/privacy/download">What is in the download</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
