import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageAsked } from "~/utils/paging";
import { requireRole } from "~/routes/helpers/session.server";
import { PARTNER_KIND_LABELS, PARTNER_STAGE_LABELS, PARTNER_STAGE_OPTIONS, partnerStageSchema } from "~/modules/sponsorship";
import { PARTNER_STAGE_PAGE_SIZE, partnerPipeline, partnerStagePage, setPartnerStage, type PartnerEnquiryCard } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

type PartnerStage = (typeof PARTNER_STAGE_OPTIONS)[number];

export const meta: MetaFunction = () => [{ title: "Partner enquiries · Organisers' console" }];

/** The stage a URL asks to see a page at a time (`?stage=`), or null for the whole board. */
function stageFrom(url: URL): PartnerStage | null {
  const stage = url.searchParams.get("stage");
  return PARTNER_STAGE_OPTIONS.find((option) => option === stage) ?? null;
}

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const url = new URL(request.url);
  const { timeZone } = getOrganisation();
  const card = (e: PartnerEnquiryCard) => ({
    id: e.id,
    organisationName: e.organisationName,
    contactName: e.contactName,
    email: e.email,
    phone: e.phone,
    kind: PARTNER_KIND_LABELS[e.kind],
    message: e.message,
    received: formatInstant(e.createdAt, timeZone),
  });
  const stage = stageFrom(url);
  if (stage) {
    const one = partnerStagePage(stage, pageAsked(url.searchParams));
    return {
      view: "stage" as const,
      stage,
      pageSize: PARTNER_STAGE_PAGE_SIZE,
      page: one.page,
      pageCount: one.pageCount,
      stages: PARTNER_STAGE_OPTIONS.map((s) => ({ stage: s, total: one.totals[s], enquiries: s === stage ? one.enquiries.map(card) : [] })),
    };
  }
  return {
    view: "board" as const,
    stage: null,
    pageSize: PARTNER_STAGE_PAGE_SIZE,
    page: 1,
    pageCount: 1,
    stages: partnerPipeline().map(({ stage, total, enquiries }) => ({ stage, total, enquiries: enquiries.map(card) })),
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
  // Back to the stage and page the move was made from (the loader clamps a page that is now past the end).
  const url = new URL(request.url);
  const from = stageFrom(url);
  const page = Math.max(1, Math.floor(pageAsked(url.searchParams)) || 1);
  const back = from ? `/admin/partners?${new URLSearchParams({ stage: from, ...(page > 1 ? { page: String(page) } : {}) })}` : "/admin/partners";
  return redirectWithFlash(back, `Moved to “${PARTNER_STAGE_LABELS[stage]}”.`);
}

type Card = ReturnType<typeof loader>["stages"][number]["enquiries"][number];

function EnquiryCard({ e, stage }: { e: Card; stage: PartnerStage }) {
  return (
    <li className="card">
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
  );
}

export default function PartnerPipeline() {
  const { view, stage: chosen, page, pageCount, pageSize, stages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = actionData?.error?.[""]?.[0] ?? (actionData?.error ? "Choose a stage from the list." : null);
  const total = stages.reduce((n, s) => n + s.total, 0);
  const shown = view === "stage" ? stages.filter((s) => s.stage === chosen) : stages;
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
        {view === "stage" ? (
          <>
            {" · "}
            <Link to="/admin/partners">All stages</Link>
          </>
        ) : null}
      </p>
      <PageHeader title="Partner enquiries" lead="Everyone who wrote through “Partner with us”, by where the conversation stands." />
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      <nav aria-label="Stages" className="filter-links">
        <ul>
          {stages.map(({ stage, total: held }) => (
            <li key={stage}>
              {view === "stage" ? (
                <Link to={`?stage=${stage}`} aria-current={stage === chosen ? "page" : undefined}>
                  {PARTNER_STAGE_LABELS[stage]} ({held})
                </Link>
              ) : (
                <a href={`#stage-${stage}`}>
                  {PARTNER_STAGE_LABELS[stage]} ({held})
                </a>
              )}
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
        shown.map(({ stage, total: held, enquiries }) => (
          <section key={stage} aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`}>
              {PARTNER_STAGE_LABELS[stage]} <span className="tag">{held}</span>
              {view === "stage" && pageCount > 1 ? (
                <span className="visually-hidden">
                  , page {page} of {pageCount}
                </span>
              ) : null}
            </h2>
            {enquiries.length ? (
              <ul className="plain-list">
                {enquiries.map((e) => (
                  <EnquiryCard key={e.id} e={e} stage={stage} />
                ))}
              </ul>
            ) : (
              <p className="muted">None.</p>
            )}
            {view === "board" && held > enquiries.length ? (
              <p>
                <Link to={`?stage=${stage}&page=2`}>
                  {held - enquiries.length === 1 ? "The older enquiry" : `The ${held - enquiries.length} older enquiries`} in “{PARTNER_STAGE_LABELS[stage]}”, {pageSize} a page
                </Link>
              </p>
            ) : null}
          </section>
        ))
      )}
      {view === "stage" && chosen ? <Pagination page={page} pageCount={pageCount} params={{ stage: chosen }} label={`Pages of “${PARTNER_STAGE_LABELS[chosen]}”`} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
