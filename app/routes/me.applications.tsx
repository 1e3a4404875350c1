import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { ApplicationForm, ApplicationTable } from "~/components/cohorts/application-form";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { requireUser } from "~/routes/helpers/session.server";
import { addApplicationSchema, APPLICATION_STATUS_LABELS, deleteApplicationSchema, updateApplicationSchema, localDateTime } from "~/modules/cohorts";
import { addApplication, deleteApplication, listApplications, updateApplication } from "~/modules/cohorts/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "My applications" }];

export const handle = staticPage;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { timeZone } = getOrganisation();
  const rows = listApplications(user.id).map((a) => ({
    id: a.id,
    company: a.company,
    role: a.role,
    appliedOn: a.appliedOn,
    appliedOnLabel: formatDate(localDateTime(a.appliedOn, 0, 12, timeZone), timeZone),
    status: a.status,
  }));
  const editId = new URL(request.url).searchParams.get("edit");
  const counts = Object.fromEntries(Object.keys(APPLICATION_STATUS_LABELS).map((s) => [s, rows.filter((r) => r.status === s).length]));
  return { rows, editing: rows.find((r) => r.id === editId) ?? null, counts };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "delete-application") {
    const submission = parseWithZod(formData, { schema: deleteApplicationSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const deleted = deleteApplication({ userId: user.id, id: submission.value.id });
    return redirectWithFlash("/me/applications", deleted ? "Application deleted." : { kind: "error", message: "That application was already gone." });
  }
  if (intent === "update-application") {
    const submission = parseWithZod(formData, { schema: updateApplicationSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const { intent: _intent, id, ...values } = submission.value;
    const updated = updateApplication({ userId: user.id, id, values });
    return redirectWithFlash("/me/applications", updated ? "Application updated." : { kind: "error", message: "That application was not found." });
  }
  const submission = parseWithZod(formData, { schema: addApplicationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent: _intent, ...values } = submission.value;
  addApplication({ userId: user.id, values });
  return redirectWithFlash("/me/applications", "Added to your tracker.");
}

export default function MyApplications() {
  const { rows, editing, counts } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const submitted = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/me/programme">My programme</Link>
      </nav>
      <PageHeader title="My applications" lead="Every job you apply for, in one place. This tracker is yours and stays after your cohort ends." />
      {rows.length ? (
        <>
          <p>
            {rows.length} application{rows.length === 1 ? "" : "s"}: {counts.interview} interview{counts.interview === 1 ? "" : "s"},{" "}
            {counts.offer} offer{counts.offer === 1 ? "" : "s"}, {counts.hired} hired.
          </p>
          <ApplicationTable rows={rows} editable />
        </>
      ) : (
        <EmptyState title="No applications yet">
          <p>Log each job you apply for. Watching the list grow is a reminder that you are moving.</p>
        </EmptyState>
      )}
      {editing ? (
        <section aria-labelledby="edit" className="card">
          <h2 id="edit" tabIndex={-1}>
            Change {editing.company}
          </h2>
          <ApplicationForm
            id="update-application"
            intent="update-application"
            values={editing}
            lastResult={submitted === "update-application" ? lastResult : null}
            submitLabel="Save changes"
          />
          <Link to="/me/applications">Cancel</Link>
        </section>
      ) : null}
      <h2>Log an application</h2>
      <ApplicationForm id="add-application" intent="add-application" lastResult={submitted === "add-application" ? lastResult : null} submitLabel="Add to my tracker" />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
