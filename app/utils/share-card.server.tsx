import fs from "node:fs";
import { createRequire } from "node:module";

// The picture WhatsApp, Facebook and others show beside a shared link: 1200 × 630, as they ask.
export const SHARE_CARD = { width: 1200, height: 630, type: "image/png" } as const;

export type ShareCard = {
  /** A short line above the title: the kind of page ("Workshop", "Campaign"). */
  kicker: string;
  title: string;
  /** Up to two short lines under the title (when and where, or the amount raised). */
  lines: string[];
  /** Whose page it is: the organisation's name. */
  footer: string;
};

const require = createRequire(import.meta.url);
// DejaVu draws Hausa's hooked letters (ƙ ɗ ɓ ƴ) and the Yoruba and Igbo marks, which many fonts lack.
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[] | null = null;
function loadFonts() {
  fonts ??= [
    { name: "DejaVu Sans", data: fs.readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")), weight: 400, style: "normal" },
    { name: "DejaVu Sans", data: fs.readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")), weight: 700, style: "normal" },
  ];
  return fonts;
}

function Card({ kicker, title, lines, footer }: ShareCard) {
  // The margin sits on an inner box: padding on the outer one would add to its height.
  return (
    <div style={{ width: SHARE_CARD.width, height: SHARE_CARD.height, display: "flex", background: "#0b5e55", color: "#ffffff", fontFamily: "DejaVu Sans" }}>
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", flexGrow: 1, margin: "64px 72px" }}>
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ fontSize: 30, color: "#bfe9e1", textTransform: "uppercase", letterSpacing: 2 }}>{kicker}</div>
          <div style={{ fontSize: title.length > 60 ? 52 : 64, fontWeight: 700, lineHeight: 1.15, marginTop: 20, lineClamp: 3, display: "block", overflow: "hidden" }}>{title}</div>
          {lines.map((line) => (
            <div key={line} style={{ fontSize: 32, marginTop: 18, color: "#e6f4f1" }}>
              {line}
            </div>
          ))}
        </div>
        <div style={{ display: "flex", fontSize: 30, fontWeight: 700, borderTop: "4px solid #f2b84b", paddingTop: 24 }}>{footer}</div>
      </div>
    </div>
  );
}

/** The card as a PNG. satori and resvg are loaded with the first card, not at start (ADR 0050). */
export async function renderShareCard(card: ShareCard): Promise<Buffer> {
  const [{ default: satori }, { Resvg }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
  const svg = await satori(<Card {...card} />, { width: SHARE_CARD.width, height: SHARE_CARD.height, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: "width", value: SHARE_CARD.width } }).render().asPng();
}

// Cards change only when their page does: keyed by what they show, a few hundred at most are kept.
const MAX_CACHED = 200;
const cache = new Map<string, Promise<Buffer>>();

/** The card, rendered once per content and reused (also by requests that arrive while it renders). */
export function cachedShareCard(card: ShareCard): Promise<Buffer> {
  const key = JSON.stringify(card);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const rendering = renderShareCard(card);
  cache.set(key, rendering);
  rendering.catch(() => cache.delete(key));
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return rendering;
}

/** The reply for a card route: a PNG any site may embed, cached for a day. */
export async function shareCardResponse(card: ShareCard): Promise<Response> {
  const png = await cachedShareCard(card);
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": SHARE_CARD.type,
      "Cache-Control": "public, max-age=86400",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
}
