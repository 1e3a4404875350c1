import type { HeadersFunction, MetaDescriptor } from "react-router";

// Pages whose address holds a secret token must not leak it to other sites through the Referer:
// the meta tag covers browsers, the header covers everything else.

export const NO_REFERRER_META: MetaDescriptor = { name: "referrer", content: "no-referrer" };

export const noReferrerHeaders: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });

/** The `?token=` of the page's address, or "" when there is none. */
export function tokenFromUrl(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}
