import { absoluteUrl } from "~/utils/urls.server";
import { publicEventPaths } from "~/modules/events/index.server";
import { publicCampaignPaths } from "~/modules/sponsorship/index.server";

// Pages anyone may open and search engines should know: the fixed ones, events and campaigns.
const FIXED_PAGES = ["/", "/events", "/donate", "/programme", "/sponsors", "/partner", "/join", "/privacy"];

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function loader() {
  const entries = [
    ...FIXED_PAGES.map((path) => ({ path, updatedAt: null as number | null })),
    ...publicEventPaths(),
    ...publicCampaignPaths(),
  ];
  const urls = entries.map(({ path, updatedAt }) => {
    const lastmod = updatedAt === null ? "" : `<lastmod>${new Date(updatedAt).toISOString()}</lastmod>`;
    return `  <url><loc>${escapeXml(absoluteUrl(path))}</loc>${lastmod}</url>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
