import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { PARTNER_KIND_LABELS, PARTNER_STAGE_LABELS, PARTNER_STAGE_OPTIONS, partnerStageSchema } from "~/modules/sponsorship";
import { partnerPipeline, setPartnerStage } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Partner enquiries · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  return {
    stages: partnerPipeline().map(({ stage, enquiries }) => ({
      stage,
      enquiries: enquiries.map((e) => ({
        id: e.id,
        organisationName: e.organisationName,
        contactName: e.contactName,
        email: e.email,
        phone: e.phone,
        kind: PARTNER_KIND_LABELS[e.kind],
        message: e.message,
        received: formatInstant(e.createdAt, timeZone),
      })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: partnerStageSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { id, stage } = submission.value;
  if (!setPartnerStage({ id, stage, actorId: user.id })) {
    return data(submission.reply({ formErrors: ["That enquiry no longer exists."] }), { status: 404 });
  }
  return redirectWithFlash("/admin/partners", `Moved to “${PARTNER_STAGE_LABELS[stage]}”.`);
}

export default function PartnerPipeline() {
  const { stages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = actionData?.error?.[""]?.[0] ?? (actionData?.error ? "Choose a stage from the list." : null);
  const total = stages.reduce((n, s) => n + s.enquiries.length, 0);
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Partner enquiries" lead="Everyone who wrote through “Partner with us”, by where the conversation stands." />
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      <nav aria-label="Stages" className="filter-links">
        <ul>
          {stages.map(({ stage, enquiries }) => (
            <li key={stage}>
              <a href={`#stage-${stage}`}>
                {PARTNER_STAGE_LABELS[stage]} ({enquiries.length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {total === 0 ? (
        <EmptyState title="No enquiries yet">
          <p>
            Enquiries from the <Link to="/partner">Partner with us</Link> page appear here, and every organiser gets an email.
          </p>
        </EmptyState>
      ) : (
        stages.map(({ stage, enquiries }) => (
          <section key={stage} aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`}>
              {PARTNER_STAGE_LABELS[stage]} <span className="tag">{enquiries.length}</span>
            </h2>
            {enquiries.length ? (
              <ul className="plain-list">
                {enquiries.map((e) => (
                  <li key={e.id} className="card">
                    <h3>{e.organisationName}</h3>
                    <dl className="summary-list">
                      <dt>Contact</dt>
                      <dd>{e.contactName}</dd>
                      <dt>Email</dt>
                      <dd className="wrap-anywhere">
                        <a href={`mailto:${e.email}`}>{e.email}</a>
                      </dd>
                      {e.phone ? (
                        <>
                          <dt>Phone</dt>
                          <dd>{e.phone}</dd>
                        </>
                      ) : null}
                      <dt>Interested in</dt>
                      <dd>{e.kind}</dd>
                      <dt>Received</dt>
                      <dd>{e.received}</dd>
                    </dl>
                    <blockquote className="pre-line">{e.message}</blockquote>
                    <Form method="post" className="button-row">
                      <input type="hidden" name="id" value={e.id} />
                      <label htmlFor={`stage-of-${e.id}`}>
                        Stage<span className="visually-hidden"> for {e.organisationName}</span>
                      </label>
                      <select id={`stage-of-${e.id}`} name="stage" className="select partner-stage-select" defaultValue={stage}>
                        {PARTNER_STAGE_OPTIONS.map((option) => (
                          <option key={option} value={option}>
                            {PARTNER_STAGE_LABELS[option]}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary">
                        Move<span className="visually-hidden"> {e.organisationName}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">None.</p>
            )}
          </section>
        ))
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
