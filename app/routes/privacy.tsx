import type { MetaFunction } from "react-router";
import { useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/utils/dates";
import { staticPage } from "~/utils/hydration";
import { renderMarkdown } from "~/utils/markdown.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";
import { currentPrivacyNotice, getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = ({ matches, location }) =>
  shareMeta(siteShareOf(matches), { path: location.pathname, title: "Privacy notice", description: "What personal data we hold, why, for how long, and your rights under Nigeria's Data Protection Act." });

export const handle = staticPage;

export function loader() {
  const notice = currentPrivacyNotice();
  return {
    version: notice.version,
    published: notice.publishedAt === null ? null : formatDate(notice.publishedAt, getOrganisation().timeZone),
    html: renderMarkdown(notice.body),
  };
}

export default function Privacy() {
  const notice = useLoaderData<typeof loader>();
  return (
    <article>
      <div className="prose" dangerouslySetInnerHTML={{ __html: notice.html }} />
      <p className="muted">{notice.published ? `Version ${notice.version}, published ${notice.published}.` : "This is the default notice: the organisers have not published their own yet."}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
