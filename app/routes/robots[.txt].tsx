import { absoluteUrl } from "~/utils/urls.server";

// Personal and organisers' pages stay out of search engines; the sitemap lists the public ones.
export function loader() {
  const rules = ["User-agent: *", "Disallow: /admin", "Disallow: /me", "Allow: /", `Sitemap: ${absoluteUrl("/sitemap.xml")}`, ""];
  return new Response(rules.join("\n"), { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
