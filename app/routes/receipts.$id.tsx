import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { logger } from "~/utils/logger.server";
import { staticPage } from "~/utils/hydration";
import { formatMoney } from "~/utils/money";
import { NO_REFERRER_META, noReferrerHeaders } from "~/utils/token-page";
import { getUser } from "~/routes/helpers/session.server";
import { receiptViewer } from "~/routes/helpers/receipt-viewer.server";
import { IssuerDetails } from "~/components/sponsorship/receipt-issuer";
import { amountLabel, portalUrlForReceipt, findReceipt, receiptIssuer } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

// A guest's link carries its secret in the address: it must not leak through the Referer.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Receipt ${data.receiptNumber}` : "Receipt" },
  { name: "robots", content: "noindex" },
  NO_REFERRER_META,
];

export const handle = staticPage;

export const headers = noReferrerHeaders;

const NOT_YOURS = "There is no receipt at this address for you. Use the link in your receipt email, or log in with the account you gave from.";

function viewer(request: Request, token: FormDataEntryValue | string | null) {
  return { userId: getUser(request)?.id ?? null, token: typeof token === "string" && token ? token : null };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("t");
  const receipt = findReceipt(params.id ?? "", receiptViewer(request, token));
  if (!receipt) notFound(NOT_YOURS);
  const organisation = getOrganisation();
  const pdfHref = `/receipts/${encodeURIComponent(receipt.id)}.pdf${token ? `?t=${encodeURIComponent(token)}` : ""}`;
  return {
    id: receipt.id,
    receiptNumber: receipt.receiptNumber,
    date: formatDate(receipt.paidAt, organisation.timeZone),
    amount: formatMoney(receipt.amount, receipt.currency),
    amountLabel: amountLabel(receipt.method),
    feeCovered: receipt.coveredFee === null ? null : { gift: formatMoney(receipt.gift, receipt.currency), fee: formatMoney(receipt.coveredFee, receipt.currency) },
    refunded: receipt.refundedAmount > 0 ? formatMoney(receipt.refundedAmount, receipt.currency) : null,
    fullyRefunded: receipt.status === "refunded",
    method: receipt.paidBy,
    inReturn: receipt.inReturn,
    monthly: receipt.monthly,
    canManage: receipt.canManage,
    manageWith: receipt.manageWith,
    donorName: receipt.donorName,
    donorEmail: receipt.donorEmail,
    campaignTitle: receipt.campaignTitle,
    organisationName: organisation.name,
    organisationEmail: organisation.contactEmail,
    issuer: receiptIssuer(organisation),
    pdfHref,
    token: token ?? "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = form.get("t") ?? new URL(request.url).searchParams.get("t");
  if (form.get("intent") !== "manage") notFound(NOT_YOURS);
  let url: string | null;
  try {
    url = await portalUrlForReceipt(params.id ?? "", viewer(request, token));
  } catch (error) {
    logger.warn({ err: error, donationId: params.id }, "could not open the customer portal");
    throw data({ message: "We could not reach the card payment service to manage your monthly gift. Nothing has changed: please try again in a few minutes." }, { status: 503 });
  }
  if (!url) notFound("This monthly gift can no longer be managed here. It may have been cancelled already.");
  return redirect(url, 303);
}

export default function ReceiptPage() {
  const r = useLoaderData<typeof loader>();
  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <p className="receipt__org">{r.organisationName}</p>
      <h1 id="receipt-title">Receipt {r.receiptNumber}</h1>
      <p>Thank you for your {r.monthly ? "monthly " : ""}gift.</p>
      <dl className="summary-list">
        <dt>Receipt number</dt>
        <dd>{r.receiptNumber}</dd>
        <dt>Date</dt>
        <dd>{r.date}</dd>
        <dt>{r.amountLabel}</dt>
        <dd>{r.amount}</dd>
        {r.feeCovered ? (
          <>
            <dt>Your gift</dt>
            <dd>{r.feeCovered.gift}</dd>
            <dt>Card fee you covered</dt>
            <dd>{r.feeCovered.fee}</dd>
          </>
        ) : null}
        {r.refunded ? (
          <>
            <dt>Refunded</dt>
            <dd>
              {r.refunded}
              {r.fullyRefunded ? " (in full)" : ""}
            </dd>
          </>
        ) : null}
        <dt>Campaign</dt>
        <dd>{r.campaignTitle}</dd>
        <dt>Paid by</dt>
        <dd>{r.method}</dd>
        <dt>Donor</dt>
        <dd>
          {r.donorName}
          {r.donorEmail ? (
            <>
              <br />
              <span className="wrap-anywhere">{r.donorEmail}</span>
            </>
          ) : null}
        </dd>
        <dt>Given in return</dt>
        <dd>{r.inReturn}</dd>
        <dt>Received by</dt>
        <dd>
          <IssuerDetails issuer={r.issuer} />
        </dd>
      </dl>
      {r.issuer.taxWording ? <p className="pre-line">{r.issuer.taxWording}</p> : null}
      {r.canManage ? (
        <form method="post" className="no-print receipt__manage">
          <input type="hidden" name="intent" value="manage" />
          {r.token ? <input type="hidden" name="t" value={r.token} /> : null}
          <button type="submit" className="button button--secondary">
            Manage your monthly gift
          </button>
          <p className="muted">
            Change your card{r.manageWith === "Stripe" ? " or the amount" : ""}, or stop the gift, on {r.manageWith}&rsquo;s secure page.
          </p>
        </form>
      ) : null}
      <p className="muted no-print">
        To keep a copy, <a href={r.pdfHref}>download the receipt as a PDF</a>, or use your browser&rsquo;s Print menu.
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
