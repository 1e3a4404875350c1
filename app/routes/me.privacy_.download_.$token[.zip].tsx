import { redirect, type LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { requireUser } from "~/routes/helpers/session.server";
import { downloadDataExport } from "~/modules/privacy/index.server";

// A resource route: the person's data as a ZIP, for its owner only, logged in, until the link expires.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const token = params.token ?? "";
  const file = downloadDataExport(user.id, token);
  if (file.status === "unknown") notFound("This download link does not work.");
  // The link's own page says it expired and offers a new download.
  if (file.status === "expired") throw redirect(`/me/privacy/download/${encodeURIComponent(token)}`);
  return new Response(new Uint8Array(file.zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.zip.byteLength),
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
