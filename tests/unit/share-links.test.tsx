import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SharePanel } from "~/components/share-links";
import { shareLinks } from "~/utils/share-links";

const textOf = (whatsapp: string) => new URL(whatsapp).searchParams.get("text");

describe("share links", () => {
  it("opens WhatsApp with the title and the address, encoded", () => {
    const share = shareLinks("Back to work & beyond: CVs?", "https://example.org/events/cv-clinic");
    expect(share.url).toBe("https://example.org/events/cv-clinic");
    expect(share.whatsapp).toBe("https://wa.me/?text=Back%20to%20work%20%26%20beyond%3A%20CVs%3F%3A%20https%3A%2F%2Fexample.org%2Fevents%2Fcv-clinic");
    expect(textOf(share.whatsapp)).toBe("Back to work & beyond: CVs?: https://example.org/events/cv-clinic");
  });

  it("keeps a long title short enough to read on a phone, and never cuts the address", () => {
    const url = "https://example.org/donate/seats";
    const text = textOf(shareLinks(`A very long campaign name ${"that goes on ".repeat(20)}`, url).whatsapp)!;
    expect(text.endsWith(`…: ${url}`)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(80 + 2 + url.length);
  });

  it("sends the address alone when there is no title", () => {
    expect(textOf(shareLinks("  ", "https://example.org/programme").whatsapp)).toBe("https://example.org/programme");
  });
});

describe("the share panel without JavaScript", () => {
  it("is a WhatsApp link and a labelled read-only field holding the address, with no copy button", () => {
    const html = renderToStaticMarkup(<SharePanel share={shareLinks("CV clinic", "https://example.org/events/cv")} title="Invite a friend" id="join" />);
    expect(html).toContain('<h2 id="join-title">Invite a friend</h2>');
    expect(html).toContain('href="https://wa.me/?text=CV%20clinic%3A%20https%3A%2F%2Fexample.org%2Fevents%2Fcv"');
    expect(html).toMatch(/<label for="join-link"[^>]*>Or copy the link<\/label>/);
    expect(html).toMatch(/<input id="join-link"[^>]*type="url"[^>]*readonly=""[^>]*value="https:\/\/example.org\/events\/cv"/);
    // The copy button needs the clipboard, so it appears only once the page runs JavaScript.
    expect(html).not.toContain("<button");
  });
});
