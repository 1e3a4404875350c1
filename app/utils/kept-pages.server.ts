import type { OutgoingHttpHeaders } from "node:http";

/** A page as it went out: its headers (the CSP and its nonce among them) and its bytes as sent. */
export type KeptPage = { headers: OutgoingHttpHeaders; body: Buffer };

// Headers that belong to one reply, not to the page: the server writes them again for each.
const PER_REPLY_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

export function pageHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_REPLY_HEADERS.has(name.toLowerCase())));
}

/**
 * Rendered anonymous pages of one validator (build, database version, minute), within a byte
 * budget. A newer validator empties the store, since an older one never comes back; the least
 * recently read page goes first when the budget is full.
 */
export class KeptPages {
  private validator = "";
  private bytes = 0;
  private readonly pages = new Map<string, KeptPage>();

  constructor(private readonly budgetBytes: number) {}

  /** The largest page worth keeping: one page may not push the others out. */
  get largestPage(): number {
    return Math.floor(this.budgetBytes / 8);
  }

  get(validator: string, key: string): KeptPage | undefined {
    if (validator !== this.validator) return undefined;
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  keep(validator: string, key: string, page: KeptPage): void {
    if (page.body.length > this.largestPage) return;
    if (validator !== this.validator) {
      this.pages.clear();
      this.bytes = 0;
      this.validator = validator;
    }
    this.forget(key);
    while (this.bytes + page.body.length > this.budgetBytes) this.forget(this.pages.keys().next().value!);
    this.pages.set(key, page);
    this.bytes += page.body.length;
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  private forget(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.body.length;
  }
}
