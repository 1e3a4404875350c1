import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data, Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { OutcomeFields, StoryFields } from "~/components/journey/outcome-fields";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { NO_REFERRER_META } from "~/utils/token-page";
import { refusalReply } from "~/routes/helpers/replies.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { followUpAnswerSchema, OUTCOME_KIND_LABELS } from "~/modules/journey";
import { answerFollowUp, followUpPage } from "~/modules/journey/index.server";

// "Where are you now?": the link in the message is the key, so the page works without logging in,
// and without JavaScript. Mail scanners open links: opening only shows the form.
export const meta: MetaFunction = () => [{ title: "Where are you now?" }, NO_REFERRER_META];

export const handle = staticPage;

export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export function loader({ params }: LoaderFunctionArgs) {
  const page = followUpPage(params.token ?? "");
  const { timeZone, name: organisationName } = getOrganisation();
  if (!page) return data({ state: "unknown" as const, organisationName }, { status: 404 });
  if (page.state === "expired") return data({ state: "expired" as const, organisationName, expiredOn: formatDate(page.expiredAt, timeZone) }, { status: 410 });
  if (page.state === "answered") return { state: "answered" as const, organisationName, firstName: page.firstName, answeredOn: formatDate(page.answeredAt, timeZone), kind: page.kind };
  return { ...page, organisationName, expiresOn: formatDate(page.expiresAt, timeZone) };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = parseWithZod(await request.formData(), { schema: followUpAnswerSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = answerFollowUp(token, submission.value);
  if (!result.ok) {
    // The page explains an unknown, expired or answered link better than a form error would.
    if (result.code === "unknown" || result.code === "expired" || result.code === "answered") return redirectWithFlash(`/follow-ups/${token}`, { kind: "info", message: result.message });
    return refusalReply(submission, result);
  }
  return redirectWithFlash(`/follow-ups/${token}`, "Thank you: your answer is recorded.");
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function AnswerForm({ page }: { page: Extract<Page, { state: "open" }> }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "follow-up",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: followUpAnswerSchema }),
    defaultValue: page.story ? { story: page.story.story, mayQuote: page.story.mayQuote ? "on" : undefined, byName: page.story.byName ? "on" : undefined } : undefined,
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  const outcome = { kind: fields.kind, employer: fields.employer, sector: fields.sector, hours: fields.hours, startedOn: fields.startedOn };
  const story = { story: fields.story, mayQuote: fields.mayQuote, byName: fields.byName };
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ ...outcome, ...story }} />
      <OutcomeFields fields={outcome} />
      <h2>In your own words</h2>
      <StoryFields fields={story} />
      <SubmitButton>Send my answer</SubmitButton>
    </Form>
  );
}

export default function FollowUp() {
  const page = useLoaderData<typeof loader>();
  if (page.state === "unknown") {
    return (
      <>
        <PageHeader title="This link does not work" />
        <p className="measure">
          Check that you opened the whole link from the message. A reminder replaces the link in the first message: use the most recent one. You can also sign in
          and tell us on <Link to="/me/outcomes">your page</Link>.
        </p>
      </>
    );
  }
  if (page.state === "expired") {
    return (
      <>
        <PageHeader title="This link has expired" />
        <p className="measure">
          Links to this question work for 60 days; this one ended on {page.expiredOn}. We would still love to hear where you are: sign in and tell us on{" "}
          <Link to="/me/outcomes">your page</Link>.
        </p>
      </>
    );
  }
  if (page.state === "answered") {
    return (
      <>
        <PageHeader title={`Thank you${page.firstName ? `, ${page.firstName}` : ""}`} />
        <p className="measure">
          You answered on {page.answeredOn}{page.kind ? `: ${OUTCOME_KIND_LABELS[page.kind].toLowerCase()}` : ""}. We will not ask about this again. When
          things change, sign in and tell us on <Link to="/me/outcomes">your page</Link>, where you can also change or withdraw your story.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Where are you now?"
        lead={`Hello ${page.firstName}. It is ${page.months} months since ${page.since}. Tell ${page.organisationName} where you are: it takes a minute.`}
      />
      <AnswerForm page={page} />
      <p className="muted">You do not need to sign in. This link works until {page.expiresOn}.</p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
