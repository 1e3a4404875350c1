import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { MessageFormFields } from "~/components/admin/message-form";
import { ReachPlan, type ReachPreview } from "~/components/admin/reach-plan";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { refusalResult } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { audienceChoices, previewBroadcast, sendOrScheduleBroadcast } from "~/modules/admin/index.server";
import { audienceField, audienceFromForm, messageFormSchema, readMessageQuery, type MessageForm } from "~/modules/admin";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "New message · Messages to groups" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  // Find sends the form by GET: what was typed comes back to fill it in, and what was chosen stays in the lists.
  const { find, values } = readMessageQuery(new URL(request.url).searchParams);
  return { choices: audienceChoices({ find, chosen: values }), find, values, timeZone: getOrganisation().timeZone };
}

const people = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "person" : "people"}`;

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: messageFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null }, { status: 400 });
  const form = submission.value;
  const audience = audienceFromForm(form);
  if (!audience) {
    const field = audienceField(form.group);
    return data({ result: submission.reply({ fieldErrors: { [field]: ["Choose one from the list"] } }), preview: null }, { status: 400 });
  }
  const message = { subject: form.subject, body: form.body, link: form.link ?? "" };
  if (form.intent === "check") {
    const checked = previewBroadcast({ audience, message });
    if (!checked.ok) return data({ result: refusalResult(submission, checked), preview: null }, { status: checked.status });
    const preview: ReachPreview = { label: checked.label, ...checked.plan };
    return { result: submission.reply(), preview };
  }
  const sent = sendOrScheduleBroadcast({ actorId: actor.id, audience, message, sendAtLocal: form.intent === "schedule" ? form.sendAt! : null });
  if (!sent.ok) return data({ result: refusalResult(submission, sent), preview: null }, { status: sent.status });
  const flash = sent.status === "sent" ? `Sent to ${people(sent.recipients)}. It goes out over the next few minutes.` : `Scheduled. The group has ${people(sent.recipients)} now; it is worked out again when it goes out.`;
  return redirectWithFlash(`/admin/messages/${sent.broadcastId}`, flash);
}

export default function NewMessage() {
  const { choices, find, values, timeZone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<MessageForm>({
    id: "new-message",
    lastResult: answer?.result,
    defaultValue: values,
    onValidate: ({ formData, submitter }) => {
      const submission = parseWithZod(formData, { schema: messageFormSchema });
      // Find (a GET that lists other choices and keeps what was typed) checks nothing.
      return submitter?.getAttribute("formmethod") === "get" ? { status: undefined, payload: submission.payload, error: null, reply: submission.reply } : submission;
    },
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/messages">Messages to groups</Link>
      </p>
      <PageHeader
        title="New message"
        lead="Write to a group of people: each gets it once, by the channel they prefer. Check who it reaches and what its text messages cost before you send it."
      />
      <MessageFormFields form={form} fields={fields} choices={choices} find={find} timeZone={timeZone} reach={answer?.preview ? <ReachPlan preview={answer.preview} /> : null} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
