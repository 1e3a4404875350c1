import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { ProposedMatches, SettledCredits, UnmatchedCredits, type ShownPledge } from "~/components/sponsorship/statement-review-ui";
import { formatDate, formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { formatMoney } from "~/utils/money";
import { badRequest } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { statementLineActionSchema } from "~/modules/sponsorship";
import { decideStatementLines, statementReview, type StatementReview } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? data.fileName : "Bank statement"} · Organisers' console` }];

const MATCHED_BY = { reference: "The pledge's reference in the narration", amount_and_date: "The amount, and a pledge made in the 14 days before", organiser: "An organiser" } as const;

/** "Thu, 5 Nov 2026" for a statement's day (days carry no time zone). */
const showDay = (day: string) => formatDate(Date.parse(`${day}T12:00:00Z`), "UTC");

type Line = StatementReview["proposed"][number];

function differenceOf(line: Line): string | null {
  if (!line.pledge || line.pledge.amount === line.amount) return null;
  const gap = formatMoney(Math.abs(line.amount - line.pledge.amount), line.currency);
  return line.amount < line.pledge.amount ? `${gap} less than pledged: the receipt is for what arrived.` : `${gap} more than pledged: the receipt is for what arrived.`;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  const review = statementReview(params.id ?? "", timeZone);
  if (!review) notFound("We could not find that statement.");
  const pledge = (p: NonNullable<Line["pledge"]>): ShownPledge => ({
    id: p.id,
    donorName: p.donorName,
    amount: formatMoney(p.amount, p.currency),
    reference: p.reference,
    pledgedOn: formatDate(p.createdAt, timeZone),
    campaignTitle: p.campaignTitle,
  });
  const line = (l: Line) => ({
    id: l.id,
    postedOn: showDay(l.postedOn),
    amount: formatMoney(l.amount, l.currency),
    narration: l.narration,
    pledge: l.pledge ? pledge(l.pledge) : null,
    matchedBy: l.matchedBy ? MATCHED_BY[l.matchedBy] : null,
    difference: differenceOf(l),
  });
  const { statement } = review;
  return {
    id: statement.id,
    fileName: statement.fileName,
    layoutLabel: statement.layoutLabel,
    imported: formatInstant(statement.importedAt, timeZone),
    importedByName: statement.importedByName,
    proposed: review.proposed.map(line),
    unmatched: review.unmatched.map((l) => ({
      ...line({ ...l, pledge: null }),
      currency: l.currency,
      mentions: l.mentions.map((m) => `${m.reference} (${m.status === "pending" ? "still waiting" : `already ${m.status}`})`),
      candidates: l.candidates.map(pledge),
    })),
    confirmed: review.confirmed.map(line),
    ignored: review.ignored.map((l) => line({ ...l, pledge: null })),
    openPledges: Object.fromEntries(Object.entries(review.openPledges).map(([currency, pledges]) => [currency, pledges.map(pledge)])),
  };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "organiser");
  const statementId = params.id ?? "";
  const submission = parseWithZod(await request.formData(), { schema: statementLineActionSchema });
  if (submission.status !== "success") {
    const intent = submission.payload.intent;
    if (intent === "confirm") return data({ lineId: null, message: "There are no matches to confirm on this page." }, { status: 400 });
    if (intent !== "match") badRequest();
    return data({ lineId: String(submission.payload.lineId ?? ""), message: "Choose the pledge this credit paid." }, { status: 400 });
  }
  const decided = decideStatementLines({ statementId, action: submission.value, actorId: user.id });
  if (!decided.ok) {
    if (decided.status === 404) notFound(decided.message);
    return data({ lineId: "lineId" in submission.value ? submission.value.lineId : null, message: decided.message }, { status: decided.status });
  }
  const back = `/admin/donations/statements/${statementId}`;
  switch (decided.intent) {
    case "confirm": {
      if (!decided.confirmed && !decided.alreadyReceived && !decided.returned) {
        return redirectWithFlash(back, { kind: "info", message: "Those matches were already confirmed; nothing more was sent." });
      }
      const parts = [`${plural(decided.confirmed, "pledge")} marked received; the receipts are on their way`];
      if (decided.alreadyReceived) parts.push(`${plural(decided.alreadyReceived, "pledge")} had been marked received already`);
      if (decided.returned) parts.push(`${plural(decided.returned, "credit")} went back to the list: the pledge is no longer waiting`);
      return redirectWithFlash(back, `${parts.join("; ")}.`);
    }
    case "match":
      return redirectWithFlash(back, decided.confirmed ? "Matched and marked received. The donor's receipt is on its way." : "Matched: that pledge had been marked received already.");
    case "reject":
      return redirectWithFlash(back, "Match turned down. The credit is with the ones without a pledge.");
    case "ignore":
      return redirectWithFlash(back, "Set aside as not a gift.");
    case "restore":
      return redirectWithFlash(back, "Put back with the credits without a pledge.");
  }
}

export default function BankStatementReview() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const nothing = !page.proposed.length && !page.unmatched.length && !page.confirmed.length && !page.ignored.length;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/donations/statements">Bank statements</Link>
      </p>
      <PageHeader title={page.fileName} lead={`${page.layoutLabel}. Imported ${page.imported}${page.importedByName ? ` by ${page.importedByName}` : ""}.`} />
      {failure && !failure.lineId ? (
        <p className="notice notice--error" role="alert">
          {failure.message}
        </p>
      ) : null}
      {failure?.lineId ? (
        <p className="notice notice--error" role="alert">
          <a href={`#pledge-${failure.lineId}`}>{failure.message}</a>
        </p>
      ) : null}
      {nothing ? (
        <EmptyState title="No new credits on this statement">
          <p>Every credit on it was already known from an earlier statement.</p>
        </EmptyState>
      ) : null}
      <ProposedMatches lines={page.proposed} />
      <UnmatchedCredits lines={page.unmatched} openPledges={page.openPledges} error={failure?.lineId ? { lineId: failure.lineId, message: failure.message } : null} />
      <SettledCredits confirmed={page.confirmed} ignored={page.ignored} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
