import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ImpactReportView } from "~/components/journey/impact-report";
import { formatDateTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { absoluteUrl } from "~/utils/urls.server";
import { requireRole } from "~/routes/helpers/session.server";
import { isReportKind } from "~/modules/journey";
import { createShareLink, impactReport, revokeShareLink, shareLinksOf } from "~/modules/journey/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import impactStyles from "~/styles/impact.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: impactStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.title ?? "Impact report"} · Organisers' console` }];

function reportFrom(params: LoaderFunctionArgs["params"]) {
  const kind = params.kind;
  const subject = params.subject ?? "";
  const report = isReportKind(kind) ? impactReport(kind, subject) : null;
  if (!report || !isReportKind(kind)) return notFound("There is no such impact report.");
  return { kind, subject, report };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { kind, subject, report } = reportFrom(params);
  const { timeZone } = getOrganisation();
  return {
    report,
    links: shareLinksOf(kind, subject).map((link) => ({
      id: link.id,
      made: formatDateTime(link.createdAt, timeZone),
      revoked: link.revokedAt === null ? null : formatDateTime(link.revokedAt, timeZone),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const { kind, subject } = reportFrom(params);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "share") {
    const made = createShareLink(actor.id, kind, subject);
    if (!made.ok) return data({ message: made.message, shareUrl: null }, { status: made.status });
    return { message: null, shareUrl: absoluteUrl(`/impact/${made.token}`) };
  }
  if (intent === "revoke") {
    const revoked = revokeShareLink(actor.id, kind, subject, String(form.get("linkId") ?? ""));
    if (!revoked.ok) notFound(revoked.message);
    return redirectWithFlash(`/admin/impact/${kind}/${subject}`, "The link no longer opens the report.");
  }
  return data({ message: "Choose to make or turn off a link.", shareUrl: null }, { status: 400 });
}

export default function AdminImpactReport() {
  const { report, links } = useLoaderData<typeof loader>();
  const made = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/impact">Impact reports</Link>
      </p>
      <ImpactReportView report={report}>
        <section className="no-print" aria-labelledby="share-title">
          <h2 id="share-title">Share with a sponsor</h2>
          <p>A link opens this report without logging in. Anyone who has it can read it, so send it only to the sponsor; you can turn it off at any time.</p>
          {made?.shareUrl ? (
            <div className="notice notice--success" role="status">
              <p>Copy this link now: it is shown only once.</p>
              <p className="share-link">{made.shareUrl}</p>
            </div>
          ) : null}
          {made?.message ? (
            <p className="notice notice--error" role="alert">
              {made.message}
            </p>
          ) : null}
          <Form method="post">
            <button type="submit" name="intent" value="share" className="button">
              Make a share link
            </button>
          </Form>
          {links.length ? (
            <ul className="plain-list impact-links">
              {links.map((link) => (
                <li key={link.id}>
                  Link made {link.made}
                  {link.revoked ? (
                    <span className="muted"> · turned off {link.revoked}</span>
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="linkId" value={link.id} />{" "}
                      <button type="submit" name="intent" value="revoke" className="button button--secondary">
                        Turn off<span className="visually-hidden"> the link made {link.made}</span>
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          <p>To print or save as PDF, use your browser&rsquo;s Print menu: the page fits A4 and US Letter.</p>
        </section>
      </ImpactReportView>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
