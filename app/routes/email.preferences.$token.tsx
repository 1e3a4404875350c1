import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { NotificationPreferencesForm } from "~/components/outbox/notification-preferences";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { NO_REFERRER_META, noReferrerHeaders } from "~/utils/token-page";
import { notificationChoicesByToken, saveNotificationChoices } from "~/modules/outbox/index.server";
import { notificationPreferencesSchema } from "~/modules/outbox";

// Email choices for anyone holding a link from one of our messages, signed in or not.

export const meta: MetaFunction = () => [{ title: "Your email choices" }, NO_REFERRER_META, { name: "robots", content: "noindex" }];

export const handle = staticPage;

export const headers = noReferrerHeaders;

const NO_LINK = "This link is not one of ours, or it has been replaced by a newer one.";

export function loader({ params }: LoaderFunctionArgs) {
  return notificationChoicesByToken(params.token ?? "") ?? notFound(NO_LINK);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const found = notificationChoicesByToken(params.token ?? "") ?? notFound(NO_LINK);
  const submission = parseWithZod(await request.formData(), { schema: notificationPreferencesSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  saveNotificationChoices(found.address, submission.value.on);
  return redirectWithFlash(`/email/preferences/${params.token}`, "Saved. We will send only the emails you chose.");
}

export default function EmailPreferences() {
  const { address, choices } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Your email choices" lead={`For ${address}`} />
      <NotificationPreferencesForm choices={choices} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
