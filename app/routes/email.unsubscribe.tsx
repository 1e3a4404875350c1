import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { readBodyWithin } from "~/utils/body-limit.server";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { NO_REFERRER_META, noReferrerHeaders } from "~/utils/token-page";
import { notificationChoicesByToken, turnOffByToken } from "~/modules/outbox/index.server";
import { NOTIFICATION_LABELS, isNotificationKind } from "~emails/notification-kinds";

// The address in every email a person may turn off, and in its List-Unsubscribe header. Opening
// it changes nothing (mail scanners open links); the button, or a mail app's one-click POST
// (RFC 8058), turns that kind of email off. The token in the address is the only credential.

export const meta: MetaFunction = () => [{ title: "Stop these emails" }, NO_REFERRER_META, { name: "robots", content: "noindex" }];

export const handle = staticPage;

export const headers = noReferrerHeaders;

const NO_LINK = "This link is not one of ours, or it has been replaced by a newer one.";

function linkOf(request: Request) {
  const url = new URL(request.url);
  return { token: url.searchParams.get("t") ?? "", kind: url.searchParams.get("k") ?? "" };
}

export function loader({ request }: LoaderFunctionArgs) {
  const { token, kind } = linkOf(request);
  const found = notificationChoicesByToken(token);
  if (!found || !isNotificationKind(kind)) notFound(NO_LINK);
  return { address: found.address, kind, label: NOTIFICATION_LABELS[kind].label, preferencesPath: `/email/preferences/${token}` };
}

// What RFC 8058 has a mail app post, urlencoded or as multipart; the page's button posts the same.
const ONE_CLICK = /List-Unsubscribe"?\s*(=|\r?\n\r?\n)\s*One-Click/;

export async function action({ request }: ActionFunctionArgs) {
  const body = await readBodyWithin(request, 4096);
  if (!body) return new Response("Payload Too Large", { status: 413 });
  if (!ONE_CLICK.test(new TextDecoder().decode(body))) {
    return new Response("Post List-Unsubscribe=One-Click here to stop these emails.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { token, kind } = linkOf(request);
  const done = turnOffByToken(token, kind);
  if (!done.ok) notFound(NO_LINK);
  return { stopped: done.label };
}

export default function Unsubscribe() {
  const page = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  if (done) {
    return (
      <>
        <PageHeader title="Done: you will not get these again" />
        <p className="measure">
          We will not send “{done.stopped}” to <strong>{page.address}</strong> any more. You can turn them back on, or choose others, on{" "}
          <Link to={page.preferencesPath}>your email choices</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Stop these emails?" />
      <p className="measure">
        Stop sending “{page.label}” to <strong>{page.address}</strong>. Emails about your account, your bookings and your gifts still come.
      </p>
      <Form method="post" className="form">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <SubmitButton>Stop these emails</SubmitButton>
      </Form>
      <p>
        Or <Link to={page.preferencesPath}>choose which emails you get</Link>.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
