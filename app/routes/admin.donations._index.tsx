import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { DonationFilterForm, DonationStatusTag, DonationTotals, MarkReceivedForm } from "~/components/sponsorship/donations-admin-ui";
import { formatInstant } from "~/utils/dates";
import { pageAsked } from "~/utils/paging";
import { formatMoney } from "~/utils/money";
import { requireRole } from "~/routes/helpers/session.server";
import { markReceivedOutcome } from "~/routes/helpers/mark-received.server";
import { markReceivedSchema, INTERVAL_LABELS, METHOD_LABELS } from "~/modules/sponsorship";
import { campaignChoices, DISPUTE_STATUS_LABELS, filterParams, listDonations, readDonationFilters, unresolvedDisputes } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Donations · Organisers' console" }];

// Made once: a formatter costs far more to make than to use, and the table has a row per month.
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const monthLabel = (month: string) => monthFormat.format(Date.parse(`${month}-01T00:00:00Z`));

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const url = new URL(request.url);
  const filters = readDonationFilters(url.searchParams);
  const { timeZone } = getOrganisation();
  const result = listDonations({ filters, page: pageAsked(url.searchParams), timeZone });
  const params = filterParams(filters);
  const query = new URLSearchParams(params).toString();
  const disputes = unresolvedDisputes(pageAsked(url.searchParams, "disputes"));
  return {
    filters,
    params,
    csvHref: `/admin/donations.csv${query ? `?${query}` : ""}`,
    disputeTotal: disputes.total,
    disputePage: disputes.page,
    disputePageCount: disputes.pageCount,
    disputes: disputes.disputes.map((dispute) => ({
      id: dispute.id,
      donationId: dispute.donationId,
      donorName: dispute.donorName,
      amount: formatMoney(dispute.amount, dispute.currency),
      status: DISPUTE_STATUS_LABELS[dispute.status],
      respondBy: dispute.respondBy ? formatInstant(dispute.respondBy, timeZone) : null,
    })),
    campaigns: campaignChoices(),
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    totals: {
      byCurrency: result.totals.byCurrency.map((t) => ({ ...t, amount: formatMoney(t.amount, t.currency), received: formatMoney(t.received, t.currency) })),
      byMonth: result.totals.byMonth.map((t) => ({ ...t, label: monthLabel(t.month), received: formatMoney(t.received, t.currency) })),
    },
    rows: result.rows.map((row) => ({
      id: row.id,
      date: formatInstant(row.date, timeZone),
      donorName: row.donorName,
      donorEmail: row.donorEmail,
      campaignTitle: row.campaignTitle,
      amount: formatMoney(row.amount, row.currency),
      refunded: row.refundedAmount ? formatMoney(row.refundedAmount, row.currency) : null,
      gift: INTERVAL_LABELS[row.interval],
      method: row.method,
      methodLabel: METHOD_LABELS[row.method],
      status: row.status,
      reference: row.reference,
      receiptNumber: row.receiptNumber,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: markReceivedSchema });
  // Back to the same filtered page, without the index marker.
  const back = new URL(request.url);
  back.searchParams.delete("index");
  return markReceivedOutcome(submission, { actorId: user.id, back: `/admin/donations${back.search}` });
}

export default function Donations() {
  const { filters, params, csvHref, campaigns, total, page, pageCount, totals, rows, disputes, disputeTotal, disputePage, disputePageCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = actionData?.error?.[""]?.[0] ?? (actionData?.error ? "That request was not quite right. Try again." : null);
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Donations" lead="Every gift, by card or bank transfer. Mark transfers received when they reach the account.">
        <p>
          <Link to="/admin/donations/new">Record a cash or in-kind gift</Link>
        </p>
        <p>
          <Link to="/admin/donations/statements">Match transfers from a bank statement</Link>
        </p>
      </PageHeader>
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      {disputes.length ? (
        <section aria-labelledby="disputes-title" className="notice notice--error">
          <h2 id="disputes-title">{disputeTotal === 1 ? "1 disputed payment" : `${disputeTotal.toLocaleString("en-GB")} disputed payments`}</h2>
          <ul>
            {disputes.map((dispute) => (
              <li key={dispute.id}>
                <Link to={`/admin/donations/${dispute.donationId}`}>
                  {dispute.amount} from {dispute.donorName}
                </Link>
                : {dispute.status}
                {dispute.respondBy ? `, evidence by ${dispute.respondBy}` : ""}
              </li>
            ))}
          </ul>
          <Pagination
            page={disputePage}
            pageCount={disputePageCount}
            name="disputes"
            hash="disputes-title"
            params={{ ...params, ...(page > 1 ? { page: String(page) } : {}) }}
            label="Pages of disputed payments"
          />
        </section>
      ) : null}
      <DonationFilterForm filters={filters} campaigns={campaigns} csvHref={csvHref} />
      <p aria-live="polite">{total === 1 ? "1 gift" : `${total.toLocaleString("en-GB")} gifts`}</p>
      <DonationTotals byCurrency={totals.byCurrency} byMonth={totals.byMonth} />
      {rows.length ? (
        <TableRegion label="Gifts">
          <table>
            <caption className="visually-hidden">
              Gifts, newest first, page {page} of {pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Donor</th>
                <th scope="col">Campaign</th>
                <th scope="col">Amount</th>
                <th scope="col">Method</th>
                <th scope="col">Status</th>
                <th scope="col">Reference or receipt</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="nowrap">{row.date}</td>
                  <td className="wrap-anywhere">
                    <Link to={`/admin/donations/${row.id}`}>{row.donorName}</Link>
                    <br />
                    <span className="muted">{row.donorEmail}</span>
                  </td>
                  <td>{row.campaignTitle}</td>
                  <td className="nowrap">
                    {row.amount}
                    <br />
                    <span className="muted">{row.gift}</span>
                    {row.refunded ? <div className="muted">{row.refunded} refunded</div> : null}
                  </td>
                  <td>{row.methodLabel}</td>
                  <td>
                    <DonationStatusTag status={row.status} />
                    {row.status === "pending" ? <MarkReceivedForm donationId={row.id} reference={row.reference} method={row.method} /> : null}
                  </td>
                  <td className="nowrap">
                    {row.reference ? <span className="code-small">{row.reference}</span> : null}
                    {row.receiptNumber ? <div>Receipt {row.receiptNumber}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title={Object.keys(params).length ? "No gifts match these filters" : "No gifts yet"}>
          {Object.keys(params).length ? <p>Try fewer filters, or part of a name.</p> : <p>Gifts appear here as soon as someone gives or pledges a transfer.</p>}
        </EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} params={{ ...params, ...(disputePage > 1 ? { disputes: String(disputePage) } : {}) }} label="Pages of gifts" />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
