import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { ChannelPreferencesForm } from "~/components/outbox/channel-preferences";
import { NotificationPreferencesForm } from "~/components/outbox/notification-preferences";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireUser } from "~/routes/helpers/session.server";
import { hasRole } from "~/modules/auth/index.server";
import { channelPreferencesFor, notificationChoicesFor, saveChannelPreferences, saveNotificationChoices } from "~/modules/outbox/index.server";
import { channelPreferencesSchema, kindField, MESSAGE_KINDS, notificationPreferencesSchema } from "~/modules/outbox";

export const meta: MetaFunction = () => [{ title: "How we reach you" }];

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const channels = channelPreferencesFor(user, { organiser: hasRole(user, "organiser") });
  // With email the only channel switched on, the page stays the simple list of emails.
  if (channels.enabled.length === 1) return { mode: "email" as const, email: user.email, choices: notificationChoicesFor(user.email) };
  return { mode: "channels" as const, ...channels };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "channels") {
    const submission = parseWithZod(formData, { schema: channelPreferencesSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const choices = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, submission.value[kindField(kind)]]));
    saveChannelPreferences(user, { preferred: submission.value.preferred, choices, organiser: hasRole(user, "organiser") });
    return redirectWithFlash("/me/notifications", "Saved. We will reach you the ways you chose.");
  }
  const submission = parseWithZod(formData, { schema: notificationPreferencesSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  saveNotificationChoices(user.email, submission.value.on);
  return redirectWithFlash("/me/notifications", "Saved. We will send only the emails you chose.");
}

export default function Notifications() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <p className="muted">
        <Link to="/me">Your page</Link>
      </p>
      {page.mode === "email" ? (
        <>
          <PageHeader title="Email choices" lead={`Reminders and nudges we send to ${page.email}`} />
          <NotificationPreferencesForm choices={page.choices} />
        </>
      ) : (
        <>
          <PageHeader title="How we reach you" lead="By email, text message (SMS) or WhatsApp: choose for each kind of message." />
          <ChannelPreferencesForm {...page} />
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
