import type { HtmlToTextOptions } from "html-to-text";

// Headings stay as written: shouting a person's name in capitals reads as unfriendly.
export const htmlToTextOptions = { selectors: [{ selector: "h1", options: { uppercase: false } }] } satisfies HtmlToTextOptions;

let convert: ((html: string) => string) | undefined;

/**
 * An email's plain-text part from its HTML, as React Email's `render(…, { plainText: true })` makes
 * it (its selectors, then ours), without rendering the message a second time. The converter is
 * compiled once: compiling the selectors cost more than converting a message, on every message.
 * Loaded with the first email, like the renderer.
 */
export async function plainTextOf(html: string): Promise<string> {
  if (!convert) {
    const [{ compile }, { plainTextSelectors }] = await Promise.all([import("html-to-text"), import("@react-email/render")]);
    convert = compile({ wordwrap: false, ...htmlToTextOptions, selectors: [...plainTextSelectors, ...htmlToTextOptions.selectors] });
  }
  return convert(html);
}
