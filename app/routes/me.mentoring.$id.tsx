import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { NotesPanel } from "~/components/mentoring/notes-panel";
import { ProposeSessionForm, SessionCard } from "~/components/mentoring/session-forms";
import { SharedAnswersPanel, ShareStepsPanel } from "~/components/mentoring/shared-steps-panel";
import { WhatsAppPanel } from "~/components/mentoring/whatsapp-panel";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireUser } from "~/routes/helpers/session.server";
import { requireOwnMentorship, addNote, deleteNote, setActionDone, answerSession, proposeSession, rateSession, recordOutcome, setWhatsAppSharing, shareStep, withdrawStep, workspaceFor } from "~/modules/mentoring/index.server";
import { addNoteSchema, noteActionSchema, proposeSessionSchema, rateSessionSchema, sessionAnswerSchema, sessionOutcomeSchema, shareStepSchema, whatsAppSharingSchema } from "~/modules/mentoring";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Mentoring with ${data.workspace.otherName}` : "Mentoring" }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const workspace = workspaceFor(params.id ?? "", user.id);
  return { workspace, today: workspace.today };
}

// Where the page scrolls back to after each form; sessions otherwise.
const SECTION: Record<string, string> = {
  "add-note": "notes",
  "action-done": "notes",
  "action-open": "notes",
  "delete-note": "notes",
  "share-step": "step-answers",
  "withdraw-step": "step-answers",
  whatsapp: "whatsapp",
};
const unknownForm = z.object({ intent: z.string().optional() });

type Outcome = { ok: true; message: string } | { ok: false; message: string; field?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const mentorshipId = params.id ?? "";
  // Anyone outside the pair gets the same 404 as for a mentorship that does not exist, before anything is read.
  requireOwnMentorship(mentorshipId, user.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const base = { mentorshipId, userId: user.id };

  const handle = <S extends z.ZodTypeAny>(schema: S, run: (value: z.output<S>) => Outcome) => {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const outcome = run(submission.value as z.output<S>);
    if (!outcome.ok) {
      const reply = outcome.field ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) : submission.reply({ formErrors: [outcome.message] });
      return data(reply, { status: 400 });
    }
    return redirectWithFlash(`/me/mentoring/${mentorshipId}#${SECTION[intent] ?? "sessions"}`, outcome.message);
  };

  switch (intent) {
    case "propose":
      return handle(proposeSessionSchema, (values) => proposeSession({ ...base, values }));
    case "confirm":
    case "decline":
    case "cancel":
      return handle(sessionAnswerSchema, (v) => answerSession({ ...base, sessionId: v.sessionId, answer: v.intent }));
    case "outcome":
      return handle(sessionOutcomeSchema, (v) => recordOutcome({ ...base, sessionId: v.sessionId, outcome: v.outcome }));
    case "rate":
      return handle(rateSessionSchema, (v) => rateSession({ ...base, sessionId: v.sessionId, rating: v.rating, comment: v.comment ?? "" }));
    case "add-note":
      return handle(addNoteSchema, (v) => addNote({ ...base, type: v.type, body: v.body }));
    case "action-done":
    case "action-open":
      return handle(noteActionSchema, (v) => setActionDone({ ...base, noteId: v.noteId, done: v.intent === "action-done" }));
    case "delete-note":
      return handle(noteActionSchema, (v) => deleteNote({ mentorshipId, userId: user.id, noteId: v.noteId }));
    case "share-step":
      return handle(shareStepSchema, (v) => shareStep({ ...base, memberId: v.memberId, stepId: v.stepId }));
    case "withdraw-step":
      return handle(shareStepSchema, (v) => withdrawStep({ mentorshipId, userId: user.id, memberId: v.memberId, stepId: v.stepId }));
    case "whatsapp":
      return handle(whatsAppSharingSchema, (v) => setWhatsAppSharing({ mentorshipId, userId: user.id, share: v.share }));
    default:
      return handle(unknownForm, () => ({ ok: false, message: "That form is not part of this page. Reload the page and try again." }));
  }
}

/** Forms with their own error display; any other refusal is shown at the top of the page. */
const OWN_ERRORS = new Set(["propose", "add-note", "rate"]);

export default function MentorshipWorkspace() {
  const { workspace, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const submitted = (lastResult?.initialValue as { intent?: string } | undefined)?.intent ?? "";
  const resultFor = (intent: string) => (submitted === intent ? lastResult : undefined);
  const topErrors = lastResult && !OWN_ERRORS.has(submitted) ? Object.values(lastResult.error ?? {}).flat() : [];
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/me/mentoring">My mentoring</Link>
      </nav>
      <PageHeader
        title={`Mentoring with ${workspace.otherName}`}
        lead={`${workspace.role === "mentor" ? `You are ${workspace.otherName}'s mentor` : `${workspace.otherName} is your mentor`}${workspace.startedAt ? ` since ${workspace.startedAt}` : ""}.`}
      />
      {workspace.active ? null : (
        <p className="notice">
          This mentorship ended{workspace.endedAt ? ` on ${workspace.endedAt}` : ""}. You can still read its sessions and notes.
        </p>
      )}
      {topErrors.length ? (
        <div className="notice notice--error" role="alert">
          {topErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      <p className="muted">Times on this page are in your time zone: {workspace.zone}.</p>

      <section aria-labelledby="sessions-title" id="sessions">
        <h2 id="sessions-title">Sessions</h2>
        {workspace.upcoming.length ? (
          <ul className="plain-list" aria-label="Upcoming sessions">
            {workspace.upcoming.map((session) => (
              <SessionCard key={session.id} mentorshipId={workspace.id} session={session} lastResult={lastResult} />
            ))}
          </ul>
        ) : (
          <p className="muted">No session is planned.</p>
        )}
        {workspace.active ? (
          <details className="propose-session" open={submitted === "propose" || workspace.upcoming.length === 0}>
            <summary>Propose a session</summary>
            <ProposeSessionForm key={workspace.upcoming.length + workspace.past.length} zone={workspace.zone} today={today} lastResult={resultFor("propose")} />
          </details>
        ) : null}
        {workspace.past.length ? (
          <>
            <h3>Earlier sessions</h3>
            <ul className="plain-list" aria-label="Earlier sessions">
              {workspace.past.map((session) => (
                <SessionCard key={session.id} mentorshipId={workspace.id} session={session} lastResult={lastResult} />
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <WhatsAppPanel workspace={workspace} />
      <NotesPanel workspace={workspace} lastResult={resultFor("add-note")} />
      {workspace.role === "mentee" ? workspace.active ? <ShareStepsPanel workspace={workspace} /> : null : <SharedAnswersPanel workspace={workspace} />}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
