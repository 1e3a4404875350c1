import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { useLoaderData } from "react-router";
import { CertificateLayout } from "~/components/certificate";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { env } from "~/utils/env.server";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { findAchievement } from "~/modules/journey/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

const HEADINGS = { event: "Certificate of attendance", journey: "Certificate of achievement" } as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.heading}: ${data.recipientName}` : "Certificate" },
  // Shared by link with employers, not listed by search engines.
  { name: "robots", content: "noindex" },
];

export const handle = staticPage;

export function loader({ params }: LoaderFunctionArgs) {
  const achievement = findAchievement(params.id ?? "");
  if (!achievement) return notFound("There is no certificate at this address. Check that the link was copied in full.");
  return {
    heading: HEADINGS[achievement.kind],
    recipientName: achievement.recipientName,
    statement: achievement.statement,
    organisationName: achievement.organisationName,
    earnedOn: formatDate(achievement.earnedAt, getOrganisation().timeZone, "en-GB"),
    url: new URL(`/achievements/${achievement.id}`, env.APP_URL).toString(),
  };
}

export default function AchievementPage() {
  const c = useLoaderData<typeof loader>();
  return (
    <CertificateLayout organisationName={c.organisationName} heading={c.heading} recipientName={c.recipientName} url={c.url}>
      <p>
        <strong>{c.statement}</strong>
        <br />
        on {c.earnedOn}.
      </p>
    </CertificateLayout>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
