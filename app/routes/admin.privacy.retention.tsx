import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { describeRemoved, RetentionRuns } from "~/components/privacy/retention-runs";
import { formatDateTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest } from "~/routes/helpers/replies.server";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { getOrganisation, retentionSettings, saveRetentionSettings } from "~/modules/organisation/index.server";
import { RETENTION_FIELDS, retentionSettingsSchema } from "~/modules/organisation";
import { retentionHistory, runRetentionNow } from "~/modules/privacy/index.server";

export const meta: MetaFunction = () => [{ title: "Keeping data · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  const runs = retentionHistory().map((run) => ({ id: run.id, when: formatDateTime(run.at, timeZone), removed: run.removed }));
  return { values: retentionSettings(), runs };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "run") {
    // A run may erase unused accounts: as with any erasure, a fresh second factor first.
    requireRecentSecondFactor(request, actor);
    const run = runRetentionNow(actor.id);
    return redirectWithFlash("/admin/privacy/retention", `Retention run finished: ${describeRemoved(run.removed).replace(/^Nothing/, "nothing")}.`);
  }
  if (intent !== "save") badRequest();
  const submission = parseWithZod(formData, { schema: retentionSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const changed = saveRetentionSettings({ actorId: actor.id, values: submission.value });
  return changed.length
    ? redirectWithFlash("/admin/privacy/retention", "Saved. The next run uses the new periods.")
    : redirectWithFlash("/admin/privacy/retention", { kind: "info", message: "Nothing changed." });
}

export default function Retention() {
  const { values, runs } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "retention",
    lastResult,
    defaultValue: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)])),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: retentionSettingsSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/admin/privacy">Privacy</Link>
      </p>
      <PageHeader title="Keeping data" lead="How long each kind of data is kept after it stops being needed. A job applies these every night." />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={Object.fromEntries(RETENTION_FIELDS.map(({ name }) => [name, fields[name]]))} />
        <input type="hidden" name="intent" value="save" />
        {RETENTION_FIELDS.map((field) => (
          <TextField
            key={field.name}
            meta={fields[field.name]}
            label={`${field.label} (${field.unit})`}
            hint={`${field.hint ? `${field.hint} ` : ""}Between ${field.min} and ${field.max}.`}
            type="number"
            inputMode="numeric"
            className="input input--short"
          />
        ))}
        <SubmitButton>Save periods</SubmitButton>
      </Form>
      <section aria-labelledby="runs-title">
        <h2 id="runs-title">Recent runs</h2>
        <RetentionRuns runs={runs} />
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="run" />
          <SubmitButton variant="secondary">Run now</SubmitButton>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
