import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { redirect } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { resolveShortLink } from "~/modules/outbox/index.server";

export const meta: MetaFunction = () => [{ title: "Link not found" }, { name: "robots", content: "noindex" }];

export const handle = staticPage;

/** A short link from a text message: on to the page it stands for, always on this site. */
export function loader({ params }: LoaderFunctionArgs) {
  const target = resolveShortLink(params.code ?? "");
  if (!target) {
    return notFound("This link has expired or was not copied in full. Links in text messages work for a limited time: open the page from the site instead.");
  }
  const url = new URL(target);
  // A path, never "//host": a browser would read that as another site.
  const path = url.pathname.replace(/^\/+/, "/");
  return redirect(`${path}${url.search}${url.hash}`, { headers: { "Cache-Control": "no-store" } });
}

// The loader always answers with a redirect or the error page below.
export default function ShortLink() {
  return null;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
