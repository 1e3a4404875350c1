import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { currentPrivacyNotice, publishPrivacyNotice } from "~/modules/organisation/index.server";
import { privacyNoticeSchema } from "~/modules/organisation";

export const meta: MetaFunction = () => [{ title: "Privacy notice · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const notice = currentPrivacyNotice();
  return { version: notice.version, body: notice.body };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: privacyNoticeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const published = publishPrivacyNotice({ actorId: actor.id, body: submission.value.body });
  if (!published.ok) return refusalReply(submission, published);
  return redirectWithFlash("/admin/privacy/notice", `Version ${published.version} of the privacy notice is published.`);
}

export default function PrivacyNoticeEditor() {
  const { version, body } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "privacy-notice", lastResult, defaultValue: { body }, onValidate: ({ formData }) => parseWithZod(formData, { schema: privacyNoticeSchema }), shouldValidate: "onBlur" });
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader
        title="Privacy notice"
        lead={version === 0 ? "People read the default text until you publish your own: fill in every part in square brackets first." : `People read version ${version}.`}
      />
      <p className="measure">
        The notice Nigeria's Data Protection Act asks for, shown at <Link to="/privacy">/privacy</Link>. Publishing makes a new version;
        earlier ones are kept, because people's consents name the version they read.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ body: fields.body }} />
        <TextAreaField meta={fields.body} label="The notice (Markdown)" hint="Headings with ##, lists with -, bold with **." rows={24} />
        <SubmitButton>Publish this version</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
