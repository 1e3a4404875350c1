/** What a share panel offers: the address to copy, and a WhatsApp link that opens a chat with a short message. */
export type ShareLinks = { url: string; whatsapp: string };

// A message someone forwards should read in one glance on a phone: the name, then the link.
const LONGEST_TITLE = 80;

function shortTitle(title: string): string {
  const plain = title.replace(/\s+/g, " ").trim();
  return plain.length > LONGEST_TITLE ? `${plain.slice(0, LONGEST_TITLE - 1).trimEnd()}…` : plain;
}

/** The share links for a page: `title` is what the message says before the address. */
export function shareLinks(title: string, url: string): ShareLinks {
  const text = title.trim() ? `${shortTitle(title)}: ${url}` : url;
  return { url, whatsapp: `https://wa.me/?text=${encodeURIComponent(text)}` };
}
