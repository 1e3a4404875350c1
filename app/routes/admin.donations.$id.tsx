import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { DonationStatusTag } from "~/components/sponsorship/donations-admin-ui";
import { MarkReceivedDetailsForm } from "~/components/sponsorship/mark-received-form";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { formatMoney, minorToInput, parseAmount } from "~/utils/money";
import { badRequest } from "~/routes/helpers/replies.server";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { markReceivedOutcome } from "~/routes/helpers/mark-received.server";
import { markReceivedSchema, RECOGNITION_LABELS, refundSchema, INTERVAL_LABELS, METHOD_LABELS } from "~/modules/sponsorship";
import { DISPUTE_STATUS_LABELS, disputesOfGift, donationDetail, openPaystackRefund, refundableOf, refundDonation, refundWayOf, viewDonation } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { refusalReply } from "~/routes/helpers/replies.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Gift from ${data.donorName}` : "Gift"} · Organisers' console` }];

function requireDonation(found: ReturnType<typeof donationDetail>) {
  if (!found) notFound("We could not find that gift.");
  return found;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireRole(request, "organiser");
  const { donation: d, campaignTitle, campaignSlug, confirmedByName } = requireDonation(viewDonation(params.id ?? "", user.id));
  const { timeZone } = getOrganisation();
  const onItsWay = d.provider === "paystack" ? openPaystackRefund(d.id) : null;
  const refundable = onItsWay ? 0 : refundableOf(d);
  const refunded = d.status === "paid" || d.status === "refunded";
  return {
    id: d.id,
    donorName: d.donorName,
    donorEmail: d.donorEmail,
    hasAccount: Boolean(d.userId),
    campaignTitle,
    campaignSlug,
    amount: formatMoney(d.amount, d.currency),
    pledgedInput: minorToInput(d.amount, d.currency),
    received: d.receivedAmount !== null && d.receivedAmount !== d.amount ? formatMoney(d.receivedAmount, d.currency) : null,
    currency: d.currency,
    gift: INTERVAL_LABELS[d.interval],
    method: d.method,
    methodLabel: METHOD_LABELS[d.method],
    status: d.status,
    recognition: RECOGNITION_LABELS[d.recognition],
    message: d.message,
    reference: d.reference,
    receiptNumber: d.receiptNumber,
    giftDescription: d.giftDescription,
    // Organisers open the receipts of gifts recorded by hand, to print them for the donor.
    receiptHref: d.receiptNumber && (d.method === "cash" || d.method === "in_kind") ? `/receipts/${d.id}` : null,
    created: formatInstant(d.createdAt, timeZone),
    paid: d.paidAt ? formatInstant(d.paidAt, timeZone) : null,
    confirmedByName,
    refunded: d.refundedAmount ? formatMoney(d.refundedAmount, d.currency) : null,
    refundedAt: d.refundedAt ? formatInstant(d.refundedAt, timeZone) : null,
    refundReason: d.refundReason,
    failureReason: d.failureReason,
    // A paid gift's failure is a refund that did not go through.
    failureLabel: refunded ? "Refund not made" : "Why it failed",
    refundWay: refundWayOf(d),
    refundOnItsWay: onItsWay ? { amount: formatMoney(onItsWay.amount, d.currency), since: formatInstant(onItsWay.requestedAt, timeZone) } : null,
    disputes: disputesOfGift(d.id).map((dispute) => ({
      id: dispute.id,
      status: DISPUTE_STATUS_LABELS[dispute.status],
      amount: formatMoney(dispute.amount, dispute.currency),
      reason: dispute.reason,
      opened: formatInstant(dispute.openedAt, timeZone),
      respondBy: dispute.respondBy && !dispute.resolvedAt ? formatInstant(dispute.respondBy, timeZone) : null,
      resolved: dispute.resolvedAt ? formatInstant(dispute.resolvedAt, timeZone) : null,
    })),
    subscriptionId: d.subscriptionId,
    refundable: refundable > 0 ? { minor: refundable, text: formatMoney(refundable, d.currency) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "organiser");
  const { donation } = requireDonation(donationDetail(params.id ?? ""));
  const formData = await request.formData();
  const back = `/admin/donations/${donation.id}`;
  if (formData.get("intent") === "mark-received") {
    formData.set("donationId", donation.id);
    return markReceivedOutcome(parseWithZod(formData, { schema: markReceivedSchema }), { actorId: user.id, back });
  }
  if (formData.get("intent") !== "refund") badRequest();
  requireRecentSecondFactor(request, user);
  const submission = parseWithZod(formData, { schema: refundSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const refundable = refundableOf(donation);
  if (refundable <= 0) {
    return data(submission.reply({ formErrors: ["Only a paid card gift or transfer with something left to refund can be refunded here."] }), { status: 400 });
  }
  let amount: number | undefined;
  if (submission.value.amount) {
    const parsed = parseAmount(submission.value.amount, donation.currency);
    const max = formatMoney(refundable, donation.currency);
    if (parsed === null) return data(submission.reply({ fieldErrors: { amount: ["Enter an amount like 5000 or 5,000.50"] } }), { status: 400 });
    if (parsed <= 0 || parsed > refundable) {
      return data(submission.reply({ fieldErrors: { amount: [`Enter an amount more than 0 and at most ${max}`] } }), { status: 400 });
    }
    amount = parsed;
  }
  const result = await refundDonation({ donationId: donation.id, amount, reason: submission.value.reason, actorId: user.id });
  if (!result.ok) return refusalReply(submission, result);
  const text = formatMoney(result.amount, donation.currency);
  if (result.byHand) return redirectWithFlash(back, `Refund of ${text} recorded as sent back by bank transfer. The donor is told by email.`);
  return redirectWithFlash(
    back,
    result.settled
      ? `Refund of ${text} sent to ${result.provider}. The donor is told by email once it goes through.`
      : `Refund of ${text} sent to ${result.provider}. This page shows it once ${result.provider} reports it made, and the donor is told by email then.`,
  );
}

export default function DonationPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "refund",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: refundSchema }),
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  const awaitsTransfer = d.status === "pending" && d.method === "bank_transfer";
  // Without a form of its own on the page (the gift changed meanwhile), a refusal is shown at the top.
  const topError = d.refundable || awaitsTransfer ? null : actionData?.error?.[""]?.[0];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/donations">Donations</Link>
      </p>
      <PageHeader title={`${d.amount} from ${d.donorName}`}>
        <p>
          <DonationStatusTag status={d.status} />
        </p>
      </PageHeader>
      {topError ? (
        <p className="notice notice--error" role="alert">
          {topError}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>Donor</dt>
        <dd className="wrap-anywhere">
          {d.donorName}, {d.donorEmail ? <a href={`mailto:${d.donorEmail}`}>{d.donorEmail}</a> : <span className="muted">no email given</span>}
          {d.hasAccount ? <span className="muted"> (has an account)</span> : null}
        </dd>
        <dt>Campaign</dt>
        <dd>
          <Link to={`/donate/${d.campaignSlug}`}>{d.campaignTitle}</Link>
        </dd>
        <dt>Gift</dt>
        <dd>
          {d.amount}, {d.gift.toLowerCase()}, by {d.methodLabel.toLowerCase()}
          {d.giftDescription ? <div>{d.giftDescription} (fair value)</div> : null}
        </dd>
        {d.received ? (
          <>
            <dt>Received</dt>
            <dd>{d.received}: the receipt is for this amount</dd>
          </>
        ) : null}
        {d.reference ? (
          <>
            <dt>Transfer reference</dt>
            <dd className="code-small">{d.reference}</dd>
          </>
        ) : null}
        <dt>Pledged or started</dt>
        <dd>{d.created}</dd>
        {d.paid ? (
          <>
            <dt>Paid</dt>
            <dd>
              {d.paid}
              {d.confirmedByName ? ` (marked received by ${d.confirmedByName})` : ""}
            </dd>
          </>
        ) : null}
        {d.receiptNumber ? (
          <>
            <dt>Receipt</dt>
            <dd>
              {d.receiptHref ? <Link to={d.receiptHref} reloadDocument>Receipt {d.receiptNumber}</Link> : d.receiptNumber}
            </dd>
          </>
        ) : null}
        {d.refunded ? (
          <>
            <dt>Refunded</dt>
            <dd>
              {d.refunded}
              {d.refundedAt ? ` on ${d.refundedAt}` : ""}
              {d.refundReason ? `: ${d.refundReason}` : ""}
            </dd>
          </>
        ) : null}
        {d.failureReason ? (
          <>
            <dt>{d.failureLabel}</dt>
            <dd>{d.failureReason}</dd>
          </>
        ) : null}
        {d.subscriptionId ? (
          <>
            <dt>Monthly gift</dt>
            <dd className="wrap-anywhere">Stripe subscription {d.subscriptionId}</dd>
          </>
        ) : null}
        <dt>On the sponsor wall</dt>
        <dd>{d.recognition}</dd>
        <dt>Message</dt>
        <dd className="pre-line">{d.message || <span className="muted">None</span>}</dd>
      </dl>

      {awaitsTransfer ? (
        <section aria-labelledby="received-title" className="notice">
          <h2 id="received-title">Has the transfer arrived?</h2>
          <p>
            Check the bank statement for <strong className="code-small">{d.reference}</strong> and {d.amount}, or{" "}
            <Link to="/admin/donations/statements">upload the statement</Link> to match every transfer at once. Marking it received sends
            the receipt.
          </p>
          <MarkReceivedDetailsForm donationId={d.id} reference={d.reference} currency={d.currency} pledged={d.pledgedInput} lastResult={actionData} />
        </section>
      ) : null}

      {d.disputes.length ? (
        <section aria-labelledby="disputes-title" className="notice notice--error">
          <h2 id="disputes-title">Disputed by the donor's bank</h2>
          <ul>
            {d.disputes.map((dispute) => (
              <li key={dispute.id}>
                <strong>{dispute.status}</strong>: {dispute.amount}
                {dispute.reason ? `, ${dispute.reason}` : ""}. Opened {dispute.opened}
                {dispute.respondBy ? `; send evidence by ${dispute.respondBy}` : ""}
                {dispute.resolved ? `; resolved ${dispute.resolved}` : ""}.
              </li>
            ))}
          </ul>
          <p>Evidence is sent from the payment provider's dashboard.</p>
        </section>
      ) : null}

      {d.refundOnItsWay ? (
        <p className="notice" role="status">
          A refund of {d.refundOnItsWay.amount} was sent to Paystack on {d.refundOnItsWay.since}. It shows here once Paystack reports it made.
        </p>
      ) : null}

      {d.refundable && d.refundWay ? (
        <section aria-labelledby="refund-title">
          <h2 id="refund-title">{d.refundWay.byHand ? "Record a refund sent by bank transfer" : `Refund through ${d.refundWay.via}`}</h2>
          {d.refundWay.byHand ? (
            <p>Send the money back from the organisation&apos;s account first, then record it here: the totals and the donor&apos;s receipt follow, and the donor is emailed.</p>
          ) : null}
          <Form method="post" className="form" {...getFormProps(form)}>
            <ErrorSummary form={form} fields={{ amount: fields.amount, reason: fields.reason }} />
            <input type="hidden" name="intent" value="refund" />
            <TextField
              meta={fields.amount}
              label={`Amount to refund, in ${d.currency} (optional)`}
              hint={`Leave empty to refund everything still paid: ${d.refundable.text}.`}
              inputMode="decimal"
              className="input input--short"
            />
            <TextAreaField meta={fields.reason} label="Reason" hint="Kept with the gift and shown to other organisers." rows={3} />
            <SubmitButton variant="warning">{d.refundWay.byHand ? "Record the refund" : "Refund"}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
