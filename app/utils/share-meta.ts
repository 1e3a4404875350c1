import type { MetaDescriptor } from "react-router";

/** What every shared page has in common, from the root loader. */
export type SiteShare = { siteUrl: string; siteName: string; description: string; image: string; imageAlt: string };

export type PageShare = {
  /** The page's path on this site (its canonical address, without a query). */
  path: string;
  title: string;
  /** The title on the shared card when it differs from the tab's (an event's own name). */
  shareTitle?: string;
  description?: string;
  /** A full address of this page's own card; the organisation's card otherwise. */
  image?: string;
  imageAlt?: string;
  type?: "website" | "article";
};

/** The root route's share defaults, as a page's `meta` finds them among its matches. */
export function siteShareOf(matches: readonly ({ id: string; data?: unknown } | undefined)[]): SiteShare | undefined {
  const root = matches.find((match) => match?.id === "root")?.data as { share?: SiteShare } | undefined;
  return root?.share;
}

/**
 * Title, description, canonical link, Open Graph and Twitter tags for a public page, so a link
 * pasted into WhatsApp, Facebook or X shows a card with a picture.
 */
export function shareMeta(site: SiteShare | undefined, page: PageShare): MetaDescriptor[] {
  const description = page.description || site?.description || "";
  const tags: MetaDescriptor[] = [{ title: page.title }, { name: "description", content: description }];
  if (!site) return tags;
  const url = `${site.siteUrl}${page.path}`;
  const image = page.image ?? site.image;
  const imageAlt = page.imageAlt ?? (page.image ? page.title : site.imageAlt);
  return [
    ...tags,
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:type", content: page.type ?? "website" },
    { property: "og:site_name", content: site.siteName },
    { property: "og:title", content: page.shareTitle ?? page.title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:image", content: image },
    { property: "og:image:secure_url", content: image },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: imageAlt },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: page.shareTitle ?? page.title },
    { name: "twitter:description", content: description },
    { name: "twitter:image", content: image },
    { name: "twitter:image:alt", content: imageAlt },
  ];
}
