import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { recordBreach } from "~/modules/privacy/index.server";
import { BREACH_NOTIFY_HOURS, newBreachSchema } from "~/modules/privacy";

export const meta: MetaFunction = () => [{ title: "Log a breach · Privacy" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: newBreachSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const recorded = recordBreach({ actorId: actor.id, values: submission.value });
  if (!recorded.ok) return refusalReply(submission, recorded);
  return redirectWithFlash(`/admin/privacy/breaches/${recorded.id}`, `Breach logged. Unless it is unlikely to put anyone at risk, tell the NDPC within ${BREACH_NOTIFY_HOURS} hours of finding it.`);
}

export default function NewBreach() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-breach",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newBreachSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/privacy">Privacy</Link>
      </p>
      <PageHeader
        title="Log a breach"
        lead={`Personal data lost, stolen, changed or seen by someone who should not see it. Log it as soon as it is found: the ${BREACH_NOTIFY_HOURS} hours to tell the NDPC start then.`}
      />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary
          form={form}
          fields={{
            summary: fields.summary,
            foundAt: fields.foundAt,
            occurredAt: fields.occurredAt,
            affected: fields.affected,
            affectedCount: fields.affectedCount,
            actions: fields.actions,
          }}
        />
        <TextAreaField meta={fields.summary} label="What happened" hint="Which data, how, and how it was found." rows={5} />
        <TextField meta={fields.foundAt} label="When it was found (optional)" hint="Leave empty for now." type="datetime-local" />
        <TextField meta={fields.occurredAt} label="When it happened, if known (optional)" type="datetime-local" />
        <TextAreaField meta={fields.affected} label="Who is affected (optional)" hint="For example: participants of the March cohort; donors who gave by card." rows={3} />
        <TextField meta={fields.affectedCount} label="How many people, roughly (optional)" type="number" inputMode="numeric" min={0} className="input input--short" />
        <TextAreaField meta={fields.actions} label="What has been done (optional)" hint="To stop it, to recover the data, to protect the people affected." rows={4} />
        <SubmitButton>Log the breach</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
