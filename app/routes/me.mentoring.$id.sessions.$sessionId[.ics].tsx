import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { requireUser } from "~/routes/helpers/session.server";
import { SESSION_CALENDAR_CONTENT_TYPE, sessionIcs, sessionForViewer } from "~/modules/mentoring/index.server";

// A confirmed or cancelled session as a calendar file, for the two people of the pair only; a
// cancelled one says so, so a calendar that has it can mark it called off.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { pair, session } = sessionForViewer(params.id ?? "", params.sessionId ?? "", user.id);
  if (session.status !== "confirmed" && session.status !== "cancelled") notFound("Only a confirmed session can be added to a calendar.");
  return new Response(sessionIcs(session, pair, "download"), {
    headers: {
      "Content-Type": SESSION_CALENDAR_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="mentoring-session.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
