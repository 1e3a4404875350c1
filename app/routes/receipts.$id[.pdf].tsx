import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { pdfResponse } from "~/routes/helpers/pdf.server";
import { receiptViewer } from "~/routes/helpers/receipt-viewer.server";
import { receiptPdf } from "~/modules/sponsorship/index.server";

// A resource route: the receipt as a PDF, for exactly whoever may open the receipt page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("t");
  const file = await receiptPdf(params.id ?? "", receiptViewer(request, token));
  if (!file) notFound("There is no receipt at this address for you. Use the link in your receipt email, or log in with the account you gave from.");
  return pdfResponse(file);
}
