import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data, Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { OutcomeFields, OutcomeHistory, StoryFields } from "~/components/journey/outcome-fields";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { badRequest } from "~/routes/helpers/replies.server";
import { requireUser } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { outcomeSchema, storySchema, withdrawStorySchema } from "~/modules/journey";
import { outcomesOf, recordOwnOutcome, saveStory, storyOf, trackerOfferFor, withdrawStory } from "~/modules/journey/index.server";

export const meta: MetaFunction = () => [{ title: "Where you are now" }];

export const handle = staticPage;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { timeZone } = getOrganisation();
  const rows = outcomesOf(user.id).map((o) => ({ id: o.id, kind: o.kind, employer: o.employer, sector: o.sector, hours: o.hours, startedOn: o.startedOn, source: o.source, recordedLabel: formatDate(o.recordedAt, timeZone) }));
  const story = storyOf(user.id);
  return {
    rows,
    offer: trackerOfferFor(user.id),
    story: story ? { text: story.text, mayQuote: story.mayQuote, byName: story.byName, withdrawn: story.withdrawnAt !== null, featured: story.featuredAt !== null } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "withdraw-story") {
    if (parseWithZod(formData, { schema: withdrawStorySchema }).status !== "success") badRequest();
    const withdrawn = withdrawStory(user.id);
    return redirectWithFlash("/me/outcomes", withdrawn ? "Consent withdrawn: your story will not be quoted anywhere." : { kind: "info", message: "Your story was not being shared." });
  }
  if (intent === "story") {
    const submission = parseWithZod(formData, { schema: storySchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    saveStory(user.id, submission.value);
    return redirectWithFlash("/me/outcomes", submission.value.mayQuote ? "Story saved. Thank you for letting us share it." : "Story saved. Only you and your data download hold it.");
  }
  if (intent !== "outcome") badRequest();
  const submission = parseWithZod(formData, { schema: outcomeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  recordOwnOutcome(user.id, submission.value);
  return redirectWithFlash("/me/outcomes", "Thank you: recorded.");
}

export default function MyOutcomes() {
  const { rows, offer, story } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const submitted = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  const [form, fields] = useForm({
    id: "outcome",
    lastResult: submitted === "outcome" ? lastResult : null,
    defaultValue: offer ? { kind: "job", employer: offer.company } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomeSchema }),
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  const [storyForm, storyFields] = useForm({
    id: "story",
    lastResult: submitted === "story" ? lastResult : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: storySchema }),
    defaultValue: story && !story.withdrawn ? { story: story.text, mayQuote: story.mayQuote ? "on" : undefined, byName: story.byName ? "on" : undefined } : story ? { story: story.text } : undefined,
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  const outcome = { kind: fields.kind, employer: fields.employer, sector: fields.sector, hours: fields.hours, startedOn: fields.startedOn };
  const storyFieldSet = { story: storyFields.story, mayQuote: storyFields.mayQuote, byName: storyFields.byName };
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/me">Your page</Link>
      </nav>
      <PageHeader title="Where you are now" lead="Tell us when things change: a job, an internship, study, your own business, or still searching. It helps us show what the programme does, and do better." />

      <h2>What you told us</h2>
      {rows.length ? <OutcomeHistory rows={rows} caption="What you told us, newest first" /> : <p>Nothing yet. Your first answer will appear here.</p>}

      <h2 id="record-title">Tell us where you are</h2>
      {offer ? (
        <p className="notice" role="status">
          Your application tracker shows {offer.status === "hired" ? "you were hired" : "an offer"} at {offer.company} ({offer.role}). Congratulations! We filled in what we could: check it and add the rest.
        </p>
      ) : null}
      <Form method="post" className="form" aria-labelledby="record-title" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={outcome} />
        <input type="hidden" name="intent" value="outcome" />
        {offer ? <input type="hidden" name="fromTracker" value="on" /> : null}
        <OutcomeFields fields={outcome} />
        <SubmitButton>Record where I am</SubmitButton>
      </Form>

      <h2 id="story-title">Your story</h2>
      <p className="measure">
        What helped you most? Your words are yours: organisers see them only if you agree to be quoted, and you can change or withdraw them here at any time.
        {story?.featured ? " Your story is featured in the organisation's reports right now." : ""}
      </p>
      <Form method="post" className="form" aria-labelledby="story-title" {...getFormProps(storyForm)}>
        <ErrorSummary form={storyForm} fields={storyFieldSet} />
        <input type="hidden" name="intent" value="story" />
        <StoryFields fields={storyFieldSet} required />
        <SubmitButton variant="secondary">Save my story</SubmitButton>
      </Form>
      {story && story.mayQuote && !story.withdrawn ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="withdraw-story" />
          <p>Changed your mind? Withdrawing takes your story out of every report at once.</p>
          <SubmitButton variant="warning">Withdraw my consent to be quoted</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
