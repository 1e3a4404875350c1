import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { requireUser } from "~/routes/helpers/session.server";
import { SESSION_CALENDAR_CONTENT_TYPE, sessionIcs, sessionForViewer } from "~/modules/mentoring/index.server";

// A confirmed session as a calendar file, for the two people of the pair only.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { pair, session } = sessionForViewer(params.id ?? "", params.sessionId ?? "", user.id);
  if (session.status !== "confirmed") notFound("Only a confirmed session can be added to a calendar.");
  return new Response(sessionIcs(session, { mentorName: pair.mentor.name, menteeName: pair.mentee.name }), {
    headers: {
      "Content-Type": SESSION_CALENDAR_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="mentoring-session.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
