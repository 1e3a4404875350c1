import { redirect, type ActionFunctionArgs } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/utils/flash.server";
import { getUser } from "~/routes/helpers/session.server";
import { logOut, clearSessionCookie } from "~/modules/auth/index.server";

// Logging out changes state, so only a POST does it; a link or a prefetch cannot.
export function loader() {
  throw redirect("/");
}

export function action({ request }: ActionFunctionArgs) {
  const user = getUser(request);
  if (user) logOut(user);
  // The cookie is cleared even when its session had already ended. The browser also drops the
  // pages and answers the service worker kept on this device, and the worker itself (ADR 0035).
  return redirectWithFlash("/", "You have logged out.", { headers: { "Set-Cookie": clearSessionCookie(), "Clear-Site-Data": '"cache", "storage"' } });
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
