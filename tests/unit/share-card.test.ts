import { describe, expect, it } from "vitest";
import { renderShareCard, SHARE_CARD } from "~/utils/share-card.server";

function pngSize(png: Buffer) {
  return { signature: png.subarray(0, 8).toString("hex"), width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("share cards", () => {
  it("renders a 1200 × 630 PNG under WhatsApp's 300 KB, with Hausa, Yoruba and Igbo letters", async () => {
    const png = await renderShareCard({
      kicker: "Workshop",
      title: "Ƙungiyar ɗalibai ta Ɓauchi: Ọjọ́ ìbí Ṣadé, ụmụ akwụkwọ",
      lines: ["Sat 12 Dec 2026, 10:00", "Yaba Tech Hall, Lagos"],
      footer: "Steppingstone Lagos",
    });
    expect(pngSize(png)).toEqual({ signature: "89504e470d0a1a0a", width: SHARE_CARD.width, height: SHARE_CARD.height });
    expect(png.length).toBeLessThan(300 * 1024);
  });

  it("draws different text as a different picture", async () => {
    const base = { kicker: "Campaign", lines: [], footer: "Steppingstone" };
    const one = await renderShareCard({ ...base, title: "Workshop seats 2027" });
    const two = await renderShareCard({ ...base, title: "Laptops for the lab" });
    expect(one.equals(two)).toBe(false);
  });
});
