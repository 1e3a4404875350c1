import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { useLoaderData } from "react-router";
import { CertificateLayout } from "~/components/certificate";
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
    <CertificateLayout organisationName={c.organisationName} heading="Certificate of completion" recipientName={c.recipientName} url={c.url}>
      <p>
        completed every step of <strong>{c.curriculumTitle}</strong>
        <br />
        with the cohort {c.cohortName}, on {c.completedOn}.
      </p>
    </CertificateLayout>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
