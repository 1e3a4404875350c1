import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { findCertificate } from "~/modules/cohorts/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Certificate: ${data.recipientName}, ${data.curriculumTitle}` : "Certificate" },
  // Shared by link with employers, not listed by search engines.
  { name: "robots", content: "noindex" },
];

export const handle = staticPage;

export function loader({ params }: LoaderFunctionArgs) {
  const certificate = findCertificate(params.id ?? "");
  if (!certificate) return notFound("There is no certificate at this address. Check that the link was copied in full.");
  const { timeZone } = getOrganisation();
  return {
    recipientName: certificate.recipientName,
    curriculumTitle: certificate.curriculumTitle,
    cohortName: certificate.cohortName,
    organisationName: certificate.organisationName,
    completedOn: new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long", year: "numeric" }).format(certificate.completedAt),
    url: new URL(`/certificates/${certificate.id}`, env.APP_URL).toString(),
  };
}

export default function CertificatePage() {
  const c = useLoaderData<typeof loader>();
  return (
    <article className="certificate" aria-labelledby="certificate-title">
      <p className="certificate__org">{c.organisationName}</p>
      <h1 id="certificate-title">Certificate of completion</h1>
      <p>This certifies that</p>
      <p className="certificate__name">{c.recipientName}</p>
      <p>
        completed every step of <strong>{c.curriculumTitle}</strong>
        <br />
        with the cohort {c.cohortName}, on {c.completedOn}.
      </p>
      <dl className="certificate__verify">
        <dt>Verify this certificate at</dt>
        <dd className="wrap-anywhere">{c.url}</dd>
      </dl>
      <p className="muted no-print">To keep a copy, use your browser&rsquo;s Print or Share menu. This page is the proof: anyone with the link can check it.</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
