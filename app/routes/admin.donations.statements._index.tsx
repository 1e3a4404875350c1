import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { TableRegion } from "~/components/table-region";
import { ColumnMappingForm, StatementUploadForm } from "~/components/sponsorship/bank-statement-forms";
import { formatInstant } from "~/utils/dates";
import { pageAsked } from "~/utils/paging";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, refusalResult } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { readUploadForm } from "~/routes/helpers/upload-form.server";
import { STATEMENT_MAX_BYTES, statementMappingSchema, statementUploadSchema } from "~/modules/sponsorship";
import { importBankStatement, listBankStatements } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Bank statements · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  const { statements, total, page, pageCount } = listBankStatements(pageAsked(new URL(request.url).searchParams));
  return {
    total,
    page,
    pageCount,
    statements: statements.map((statement) => ({
      id: statement.id,
      fileName: statement.fileName,
      layoutLabel: statement.layoutLabel,
      imported: formatInstant(statement.importedAt, timeZone),
      importedByName: statement.importedByName,
      counts: statement.counts,
    })),
  };
}

const TOO_LARGE = "That file is larger than 2 MB. Export a shorter period, such as one month.";

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

type Imported = Extract<ReturnType<typeof importBankStatement>, { result: "imported" }>;

/** Where an import leads: its statement's review, with what was read. */
function importedReply(outcome: Imported) {
  const path = `/admin/donations/statements/${outcome.statementId}`;
  if (outcome.already) return redirectWithFlash(path, { kind: "info", message: "That statement was imported before, so nothing was added. Here it is." });
  const parts = [`${plural(outcome.added, "new credit")} read`];
  if (outcome.known) parts.push(`${plural(outcome.known, "credit")} already known from an earlier statement`);
  if (outcome.skipped) parts.push(`${plural(outcome.skipped, "line")} skipped (money paid out, or no credit)`);
  if (outcome.unreadable) parts.push(`${plural(outcome.unreadable, "line")} we could not read`);
  return redirectWithFlash(path, `${parts.join("; ")}. ${plural(outcome.proposed, "match", "matches")} to review.`);
}

async function upload(formData: FormData, actorId: string) {
  const submission = parseWithZod(formData, { schema: statementUploadSchema });
  if (submission.status !== "success") {
    const file = formData.get("file");
    const status = file instanceof File && file.size > STATEMENT_MAX_BYTES ? 413 : 400;
    return data({ form: "upload" as const, result: submission.reply() }, { status });
  }
  const { file, currency } = submission.value;
  const outcome = importBankStatement({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), currency, actorId });
  if (!outcome.ok) return data({ form: "upload" as const, result: refusalResult(submission, outcome) }, { status: outcome.status });
  if (outcome.result === "needs-mapping") return data({ form: "map" as const, step: outcome, result: submission.reply() });
  return importedReply(outcome);
}

function mapColumns(formData: FormData, actorId: string) {
  const submission = parseWithZod(formData, { schema: statementMappingSchema });
  const carried = {
    fileName: String(formData.get("fileName") ?? "").slice(0, 200),
    bytes: Buffer.from(String(formData.get("fileData") ?? ""), "base64"),
    currency: statementUploadSchema.shape.currency.catch("NGN").parse(formData.get("currency")),
  };
  if (carried.bytes.byteLength > STATEMENT_MAX_BYTES) return data({ form: "upload" as const, result: submission.reply({ formErrors: [TOO_LARGE] }) }, { status: 413 });
  // A mistake in the choices: the same step again, its headings read afresh from the file the form carried.
  const askAgain = (result: ReturnType<typeof submission.reply>, status: number) => {
    const step = importBankStatement({ ...carried, mapping: "choose", actorId });
    if (step.ok && step.result === "needs-mapping") return data({ form: "map" as const, step, result }, { status });
    return data({ form: "upload" as const, result: submission.reply({ formErrors: ["Choose the statement file again: we could not read the one carried from the last step."] }) }, { status: 400 });
  };
  if (submission.status !== "success") return askAgain(submission.reply(), 400);
  const { intent: _intent, fileName: _fileName, fileData: _fileData, currency: _currency, ...mapping } = submission.value;
  const outcome = importBankStatement({ ...carried, mapping, actorId });
  if (!outcome.ok) return askAgain(refusalResult(submission, outcome), outcome.status);
  if (outcome.result === "needs-mapping") return askAgain(submission.reply(), 400);
  return importedReply(outcome);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "organiser");
  const formData = await readUploadForm(request);
  if (formData === "too-large") return data({ form: "upload" as const, result: { status: "error" as const, error: { file: [TOO_LARGE] } } }, { status: 413 });
  if (formData === "unreadable") badRequest();
  const intent = formData.get("intent");
  if (intent === "upload") return upload(formData, user.id);
  if (intent === "map") return mapColumns(formData, user.id);
  badRequest();
}

export default function BankStatements() {
  const { statements, total, page, pageCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const mapping = actionData?.form === "map" ? actionData : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/donations">Donations</Link>
      </p>
      <PageHeader
        title="Bank statements"
        lead="Upload the account's statement: each credit is matched to the transfer pledge it pays, by the reference in the narration, else by amount and date. You review the matches and confirm them in one go."
      />
      {mapping ? (
        <ColumnMappingForm step={mapping.step} lastResult={mapping.result} />
      ) : (
        <StatementUploadForm lastResult={actionData?.form === "upload" ? actionData.result : undefined} />
      )}
      <h2>Imported statements</h2>
      {statements.length ? (
        <TableRegion label="Imported statements">
          <table>
            <caption className="visually-hidden">
              {total === 1 ? "1 imported statement" : `${total.toLocaleString("en-GB")} imported statements`}, newest first{pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Imported</th>
                <th scope="col">To review</th>
                <th scope="col">Unmatched</th>
                <th scope="col">Confirmed</th>
              </tr>
            </thead>
            <tbody>
              {statements.map((statement) => (
                <tr key={statement.id}>
                  <td className="wrap-anywhere">
                    <Link to={`/admin/donations/statements/${statement.id}`}>{statement.fileName}</Link>
                    <br />
                    <span className="muted">{statement.layoutLabel}</span>
                  </td>
                  <td>
                    {statement.imported}
                    {statement.importedByName ? <div className="muted">by {statement.importedByName}</div> : null}
                  </td>
                  <td>{statement.counts.proposed}</td>
                  <td>{statement.counts.unmatched}</td>
                  <td>{statement.counts.confirmed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title="No statements yet">
          <p>Statements you upload are listed here, with the credits still to review.</p>
        </EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} label="Pages of imported statements" />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
