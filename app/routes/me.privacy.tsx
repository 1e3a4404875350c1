import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { AcknowledgeNoticeForm, ConsentHistory, OptionalConsentsForm, ResendGuardianForm } from "~/components/auth/my-privacy";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirectPath } from "~/utils/urls.server";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { requireUser } from "~/routes/helpers/session.server";
import { acknowledgeNotice, changeOptionalConsents, privacyChoicesFor, resendGuardianRequest } from "~/modules/auth/index.server";
import { acknowledgeNoticeSchema, optionalConsentsSchema, OPTIONAL_USE_KEYS, resendGuardianSchema } from "~/modules/auth";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Your privacy" }];

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { timeZone, adultAge, contactEmail } = getOrganisation();
  const choices = privacyChoicesFor(user.id);
  const { consents, guardian } = choices;
  const day = (instant: number | null) => (instant === null ? null : formatDate(instant, timeZone));
  return {
    notice: consents.notice ? { version: consents.notice.noticeVersion, on: day(consents.notice.at) } : null,
    termsOn: consents.terms?.granted ? day(consents.terms.at) : null,
    currentNoticeVersion: choices.currentNoticeVersion,
    noticeChanged: choices.noticeChanged,
    granted: OPTIONAL_USE_KEYS.filter((use) => consents.optional[use]?.granted),
    minor: choices.minor,
    adultAge,
    birthDate: choices.birthDate,
    contactEmail,
    guardian: {
      state: guardian.state,
      requestedEmail: guardian.requestedEmail,
      requestedOn: day(guardian.requestedAt),
      linkExpiresOn: day(guardian.linkExpiresAt),
      givenOn: day(guardian.givenAt),
      method: guardian.method,
      guardianName: guardian.guardianName,
      relationship: guardian.relationship,
    },
    history: consents.history.map((row, key) => ({ key, when: day(row.at)!, purpose: row.purpose, granted: row.granted, source: row.source, noticeVersion: row.noticeVersion })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "acknowledge-notice") {
    const submission = parseWithZod(formData, { schema: acknowledgeNoticeSchema });
    if (submission.status !== "success") badRequest();
    const { version } = acknowledgeNotice(user.id);
    return redirectWithFlash(safeRedirectPath(submission.value.redirectTo, "/me/privacy"), `Thank you. We have noted that you read version ${version} of the privacy notice.`);
  }

  if (intent === "change-consents") {
    const submission = parseWithZod(formData, { schema: optionalConsentsSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = changeOptionalConsents(user.id, submission.value.optionalUses);
    if (!result.ok) return refusalReply(submission, result);
    return redirectWithFlash("/me/privacy", result.changed.length ? "Your choices are saved." : { kind: "info", message: "Nothing changed." });
  }

  if (intent === "resend-guardian") {
    const submission = parseWithZod(formData, { schema: resendGuardianSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await resendGuardianRequest({ userId: user.id, actorId: user.id, guardianEmail: submission.value.guardianEmail, ip: context.clientIp });
    if (!result.ok) return refusalReply(submission, result);
    return redirectWithFlash("/me/privacy", `We have emailed ${result.email} a new link. The old one no longer works.`);
  }

  badRequest();
}

function resultFor(actionData: SubmissionResult<string[]> | undefined, intent: string) {
  return actionData?.initialValue?.intent === intent ? actionData : null;
}

const RELATIONSHIP_TEXT = (relationship: string | null) => (relationship && relationship !== "Other" ? ` (${relationship.toLowerCase()})` : "");

export default function MyPrivacy() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { guardian } = page;
  return (
    <>
      <p className="muted">
        <Link to="/me">Your page</Link>
      </p>
      <PageHeader title="Your privacy" lead="What you agreed to, what you allow, and your data." />

      <section aria-labelledby="agreed-title">
        <h2 id="agreed-title">What you agreed to</h2>
        <dl className="summary-list">
          <dt>Privacy notice</dt>
          <dd>
            {page.notice ? `You read version ${page.notice.version} on ${page.notice.on}.` : "We have no record of you reading it here."}{" "}
            <Link to="/privacy">Read the privacy notice</Link>
          </dd>
          <dt>Terms of use</dt>
          <dd>{page.termsOn ? `Agreed on ${page.termsOn}.` : "We have no record of you agreeing to them here."}</dd>
        </dl>
        {page.noticeChanged ? (
          <div className="notice" role="note">
            <p>
              We have changed our privacy notice since you last read it: version {page.currentNoticeVersion} is the one in use now.{" "}
              <Link to="/privacy">Read what changed</Link>, then let us know.
            </p>
            <AcknowledgeNoticeForm />
          </div>
        ) : null}
      </section>

      {guardian.state !== "not_needed" ? (
        <section aria-labelledby="guardian-title">
          <h2 id="guardian-title">Your parent's or guardian's consent</h2>
          {guardian.state === "waiting" ? (
            <>
              <p>
                {guardian.requestedEmail
                  ? `We emailed ${guardian.requestedEmail} on ${guardian.requestedOn}. The link works until ${guardian.linkExpiresOn}.`
                  : "We have not been able to ask your parent or guardian yet."}{" "}
                Until they agree, you can look around, but you cannot book seats, join a cohort or ask for a mentor.
              </p>
              <p className="muted">They can also agree in person: the organisers have a paper form.</p>
              <ResendGuardianForm requestedEmail={guardian.requestedEmail} lastResult={resultFor(actionData, "resend-guardian")} />
            </>
          ) : (
            <p>
              {guardian.guardianName ?? "Your parent or guardian"}
              {RELATIONSHIP_TEXT(guardian.relationship)} agreed on {guardian.givenOn}
              {guardian.method === "paper" ? ", on a paper form" : ""}.
            </p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="choices-title">
        <h2 id="choices-title">Your choices</h2>
        <OptionalConsentsForm granted={page.granted} minor={page.minor} awaitingGuardian={guardian.state === "waiting"} lastResult={resultFor(actionData, "change-consents")} />
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <ul>
          <li>
            <Link to="/me/privacy/download">Download my data</Link>: everything we hold about you, in one file.
          </li>
          <li>
            <Link to="/me/account">Correct your name or email address</Link>
            {page.birthDate ? (
              <>
                . Your date of birth is {page.birthDate}: if it is wrong, ask the organisers
                {page.contactEmail ? (
                  <>
                    {" "}
                    at <a href={`mailto:${page.contactEmail}`}>{page.contactEmail}</a>
                  </>
                ) : null}{" "}
                to correct it.
              </>
            ) : (
              "."
            )}
          </li>
          <li>
            <Link to="/me/privacy/delete">Delete my account</Link>: what goes, what we must keep, and when.
          </li>
        </ul>
      </section>

      <details>
        <summary>Your full consent history</summary>
        <ConsentHistory rows={page.history} />
      </details>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
