import { isPlaceholderAddress } from "~/utils/redact.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { DataExportStatus, WhatTheDownloadHolds } from "~/components/privacy/data-export";
import { formatDateTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { requireUser } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { dataExportState, requestDataExport } from "~/modules/privacy/index.server";

export const meta: MetaFunction = () => [{ title: "Download your data" }];

export const handle = staticPage;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { timeZone } = getOrganisation();
  const state = dataExportState(user.id);
  const when = (instant: number | null) => (instant === null ? null : formatDateTime(instant, timeZone));
  return {
    email: user.email,
    status: state.status,
    requestedAt: state.status === "building" ? when(state.requestedAt) : null,
    readyAt: state.status === "ready" ? when(state.readyAt) : null,
    expiresAt: state.status === "ready" || state.status === "expired" ? when(state.expiresAt) : null,
    downloadedAt: state.status === "ready" ? when(state.downloadedAt) : null,
  };
}

export function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const state = requestDataExport(user.id);
  return redirectWithFlash(
    "/me/privacy/download",
    state.status === "building"
      ? `We are putting your data together. We will ${isPlaceholderAddress(user.email) ? "text you the link" : `email the link to ${user.email}`} when it is ready.`
      : "Your download is ready: the link is in your email.",
  );
}

export default function DownloadYourData() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me">My page</Link>
      </p>
      <PageHeader title="Download your data" lead="A copy of everything we hold about you, to keep or to take to another service." />
      <WhatTheDownloadHolds />
      <section aria-labelledby="download-title">
        <h2 id="download-title">Your download</h2>
        <DataExportStatus {...page} />
        {page.status === "building" ? null : (
          <Form method="post" className="form">
            <SubmitButton>{page.status === "none" ? "Ask for a download" : "Ask for a new download"}</SubmitButton>
          </Form>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
