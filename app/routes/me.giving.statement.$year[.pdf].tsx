import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { pdfResponse } from "~/routes/helpers/pdf.server";
import { requireUser } from "~/routes/helpers/session.server";
import { parseStatementYear, statementPdf } from "~/modules/sponsorship/index.server";

// A resource route: the year's giving statement as a PDF.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const year = parseStatementYear(params.year);
  if (year === null) notFound("There is no statement for that year.");
  return pdfResponse(await statementPdf(user, year));
}
