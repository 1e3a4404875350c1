import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { NotificationPreferencesForm } from "~/components/outbox/notification-preferences";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireUser } from "~/routes/helpers/session.server";
import { notificationChoicesFor, saveNotificationChoices } from "~/modules/outbox/index.server";
import { notificationPreferencesSchema } from "~/modules/outbox";

export const meta: MetaFunction = () => [{ title: "Email choices" }];

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { email: user.email, choices: notificationChoicesFor(user.email) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: notificationPreferencesSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  saveNotificationChoices(user.email, submission.value.on);
  return redirectWithFlash("/me/notifications", "Saved. We will send only the emails you chose.");
}

export default function Notifications() {
  const { email, choices } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="muted">
        <Link to="/me">Your page</Link>
      </p>
      <PageHeader title="Email choices" lead={`Reminders and nudges we send to ${email}`} />
      <NotificationPreferencesForm choices={choices} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
