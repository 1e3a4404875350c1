import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { OptionalUseChoices } from "~/components/auth/consent-fields";
import { formatDate } from "~/utils/dates";
import { staticPage } from "~/utils/hydration";
import { refusalReply } from "~/routes/helpers/replies.server";
import { giveGuardianConsent, guardianLinkFor } from "~/modules/auth/index.server";
import { guardianConsentSchema, optionalUseLabel, RELATIONSHIPS, TERMS_SUMMARY } from "~/modules/auth";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Consent for a young person's account" }, { name: "robots", content: "noindex" }];

export const handle = staticPage;

// The token is in the address: never pass it on to another site, and keep the page out of caches.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

const UNUSABLE = {
  invalid: { status: 404, title: "This link does not work", text: "Check that you opened the whole link from the email. If it still does not work, ask the young person to send it again from their page, or contact the organisers." },
  used: { status: 410, title: "Consent has already been given", text: "This link has been used, so the young person's account is open. Thank you. To change what you agreed to, contact the organisers." },
  expired: { status: 410, title: "This link has expired", text: "Links work for 14 days, and a newer email replaces an older one. Ask the young person to send a new one from their page, or contact the organisers." },
} as const;

export function loader({ params }: LoaderFunctionArgs) {
  const link = guardianLinkFor(params.token ?? "");
  const organisation = getOrganisation();
  if (link.status !== "open") return data({ state: link.status, organisationName: organisation.name }, { status: UNUSABLE[link.status].status });
  const { request } = link;
  return {
    state: "open" as const,
    organisationName: organisation.name,
    adultAge: organisation.adultAge,
    childName: request.childName,
    signedUpOn: formatDate(request.signedUpAt, organisation.timeZone),
    wishes: request.wishes,
    expiresOn: formatDate(request.expiresAt, organisation.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: guardianConsentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { account: _account, ...answer } = submission.value;
  const result = giveGuardianConsent(params.token ?? "", answer);
  if (!result.ok) return refusalReply(submission, result);
  return { done: true as const, childName: result.childName };
}

type ActionData = SubmissionResult<string[]> | { done: true; childName: string } | undefined;

function ConsentForm({ page, lastResult }: { page: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { state: "open" }>; lastResult: SubmissionResult<string[]> | null }) {
  const [form, fields] = useForm({
    id: "guardian-consent",
    lastResult,
    defaultValue: { optionalUses: page.wishes },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: guardianConsentSchema }),
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary
        form={form}
        fields={{
          guardianName: fields.guardianName,
          relationship: fields.relationship,
          guardianEmail: fields.guardianEmail,
          guardianPhone: fields.guardianPhone,
          account: fields.account,
          optionalUses: fields.optionalUses,
        }}
      />
      <h2>About you</h2>
      <TextField meta={fields.guardianName} label="Your full name" autoComplete="name" spellCheck={false} />
      <SelectField meta={fields.relationship} label={`Who are you to ${page.childName}?`} options={[{ value: "", label: "Choose one" }, ...RELATIONSHIPS.map((r) => ({ value: r, label: r }))]} />
      <TextField meta={fields.guardianEmail} label="Your email address" hint="An email address or a phone number: we need one way to reach you." type="email" autoComplete="email" spellCheck={false} />
      <TextField meta={fields.guardianPhone} label="Your phone number" hint="For example, 0803 123 4567." type="tel" autoComplete="tel" />
      <h2>What you agree to</h2>
      <CheckboxField
        meta={fields.account}
        label={`I agree that ${page.childName} may have an account and take part`}
        hint={`They may book workshops, follow the course with a group, and be matched with a mentor we have checked. They agreed to our terms: ${TERMS_SUMMARY}`}
      />
      <OptionalUseChoices meta={fields.optionalUses} legend="Optional: what else may we do?" hint="Ticked where the young person said yes. Untick anything you are not happy with." />
      <SubmitButton>Give my consent</SubmitButton>
    </Form>
  );
}

export default function GuardianConsent() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  if (actionData && "done" in actionData) {
    return (
      <>
        <PageHeader title="Thank you" />
        <div className="notice notice--success measure" role="status">
          <p>{actionData.childName}'s account is open. We have emailed them to say so.</p>
          <p>To change what you agreed to, or to withdraw consent, contact the organisers at any time.</p>
        </div>
      </>
    );
  }
  if (page.state !== "open") {
    const { title, text } = UNUSABLE[page.state];
    return (
      <>
        <PageHeader title={title} />
        <p className="measure">{text}</p>
        <p>
          <Link to="/">Go to the {page.organisationName} home page</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`${page.childName} would like to join ${page.organisationName}`} lead={`Signed up on ${page.signedUpOn}. Because they are under ${page.adultAge}, we need a parent or guardian to agree.`} />
      <section aria-labelledby="what-title" className="measure">
        <h2 id="what-title">What they signed up for</h2>
        <p>
          A free programme that helps young people find work: workshops, a 15-step course with a small group, and a mentor. Until
          you agree, they can read the site, but they cannot book or join, and we share nothing about them with mentors.
        </p>
        <p>
          {page.wishes.length ? `They also said yes to: ${page.wishes.map(optionalUseLabel).join("; ")}.` : "They said no to every optional use."}{" "}
          <a href="/privacy" target="_blank" rel="noopener">
            Read our privacy notice (opens in a new tab)
          </a>
          .
        </p>
        <p className="muted">This link works once, until {page.expiresOn}.</p>
      </section>
      <ConsentForm page={page} lastResult={actionData && !("done" in actionData) ? actionData : null} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
