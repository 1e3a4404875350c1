import MarkdownIt from "markdown-it";
import { singleton } from "./singleton.server";

const SAFE_LINK = /^(https?:|mailto:|tel:|\/(?!\/)|#)/i;

// Organisers write Markdown; raw HTML is off and only web, mail and phone links survive.
const markdown = singleton("markdown", () => {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  const defaultOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx].attrGet("href") ?? "");
    if (/^https?:/i.test(href)) tokens[idx].attrSet("rel", "noopener noreferrer nofollow");
    return defaultOpen(tokens, idx, options, env, self);
  };
  return md;
});

/** Markdown to HTML that is safe to put in a page with `dangerouslySetInnerHTML`. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** Plain text of a Markdown source, for meta descriptions and emails. */
export function markdownToPlainText(source: string, maxLength = 300): string {
  const text = markdown
    .render(source)
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
