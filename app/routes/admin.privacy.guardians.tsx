import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { EmptyState, PageHeader } from "~/components/layout";
import { TableRegion } from "~/components/table-region";
import { OptionalUseChoices } from "~/components/auth/consent-fields";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, refusalReply } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { accountsAwaitingGuardian, recordPaperConsent, resendGuardianRequest } from "~/modules/auth/index.server";
import { paperConsentSchema, RELATIONSHIPS, resendGuardianRequestSchema } from "~/modules/auth";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Young people waiting for consent · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone, adultAge } = getOrganisation();
  const day = (instant: number | null) => (instant === null ? "–" : formatDate(instant, timeZone));
  return {
    adultAge,
    waiting: accountsAwaitingGuardian().map((person) => ({
      userId: person.userId,
      name: person.name,
      email: person.email,
      signedUpOn: day(person.signedUpAt),
      requestedEmail: person.requestedEmail,
      requestedOn: day(person.requestedAt),
      linkExpiresOn: day(person.linkExpiresAt),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "resend") {
    const submission = parseWithZod(formData, { schema: resendGuardianRequestSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await resendGuardianRequest({ userId: submission.value.userId, actorId: actor.id });
    if (!result.ok) return refusalReply(submission, result);
    return redirectWithFlash("/admin/privacy/guardians", `We have emailed ${result.email} a new link. The old one no longer works.`);
  }

  if (intent === "record-paper") {
    const submission = parseWithZod(formData, { schema: paperConsentSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const { userId, signed: _signed, intent: _intent, ...answer } = submission.value;
    const result = recordPaperConsent({ actorId: actor.id, userId, answer });
    if (!result.ok) return refusalReply(submission, result);
    return redirectWithFlash("/admin/privacy/guardians", `Consent recorded: ${result.childName}'s account is open.`);
  }

  badRequest();
}

function resultFor(actionData: SubmissionResult<string[]> | undefined, intent: string) {
  return actionData?.initialValue?.intent === intent ? actionData : null;
}

type Waiting = ReturnType<typeof useLoaderData<typeof loader>>["waiting"];

function PaperConsentForm({ waiting, lastResult }: { waiting: Waiting; lastResult: SubmissionResult<string[]> | null }) {
  const [form, fields] = useForm({
    id: "paper-consent",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: paperConsentSchema }),
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary
        form={form}
        fields={{
          userId: fields.userId,
          guardianName: fields.guardianName,
          relationship: fields.relationship,
          guardianEmail: fields.guardianEmail,
          guardianPhone: fields.guardianPhone,
          optionalUses: fields.optionalUses,
          signed: fields.signed,
        }}
      />
      <input type="hidden" name="intent" value="record-paper" />
      <SelectField meta={fields.userId} label="Young person" options={[{ value: "", label: "Choose one" }, ...waiting.map((p) => ({ value: p.userId, label: `${p.name} (${p.email})` }))]} />
      <TextField meta={fields.guardianName} label="Parent's or guardian's full name" autoComplete="off" spellCheck={false} />
      <SelectField meta={fields.relationship} label="Who they are to the young person" options={[{ value: "", label: "Choose one" }, ...RELATIONSHIPS.map((r) => ({ value: r, label: r }))]} />
      <TextField meta={fields.guardianEmail} label="Their email address" hint="An email address or a phone number, as written on the form." type="email" autoComplete="off" spellCheck={false} />
      <TextField meta={fields.guardianPhone} label="Their phone number" type="tel" autoComplete="off" />
      <OptionalUseChoices meta={fields.optionalUses} legend="Optional uses they agreed to" hint="Tick only what is ticked on the signed form." />
      <CheckboxField meta={fields.signed} label="I hold the form, signed by the parent or guardian" hint="Keep it with the organisation's records: it is the proof of consent." />
      <SubmitButton>Record consent</SubmitButton>
    </Form>
  );
}

export default function GuardianConsents() {
  const { waiting, adultAge } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resendError = resultFor(actionData, "resend")?.error?.[""]?.[0];
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader
        title="Young people waiting for consent"
        lead={`People under ${adultAge} whose parent or guardian has not agreed yet. They can browse, but cannot book, join a cohort or be matched.`}
      />
      {resendError ? (
        <div className="error-summary" role="alert">
          <p>{resendError}</p>
        </div>
      ) : null}
      {waiting.length ? (
        <TableRegion label="Waiting for consent">
          <table>
            <thead>
              <tr>
                <th scope="col">Young person</th>
                <th scope="col">Signed up</th>
                <th scope="col">We asked</th>
                <th scope="col">Link works until</th>
                <th scope="col">
                  <span className="visually-hidden">Send again</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((person) => (
                <tr key={person.userId}>
                  <td>
                    {person.name}
                    <br />
                    <span className="muted">{person.email}</span>
                  </td>
                  <td>{person.signedUpOn}</td>
                  <td>
                    {person.requestedEmail ?? "Nobody yet"}
                    <br />
                    <span className="muted">{person.requestedOn}</span>
                  </td>
                  <td>{person.linkExpiresOn}</td>
                  <td>
                    {person.requestedEmail ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="resend" />
                        <input type="hidden" name="userId" value={person.userId} />
                        <button type="submit" className="button button--secondary">
                          Send again<span className="visually-hidden"> for {person.name}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title="Nobody is waiting">
          <p>Every young person's parent or guardian has agreed.</p>
        </EmptyState>
      )}
      {waiting.length ? (
        <section aria-labelledby="paper-title">
          <h2 id="paper-title">Record consent given on paper</h2>
          <p className="measure">When a parent or guardian signs the paper form, record it here: the account opens at once, and the record names you.</p>
          <PaperConsentForm waiting={waiting} lastResult={resultFor(actionData, "record-paper")} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
