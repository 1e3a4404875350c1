import { describe, expect, it } from "vitest";
import { asciiSource } from "../../scripts/ascii-source.mjs";

const load = async (code: string) => ({ ...(await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) });

const MODULE = `
// A comment with a naira sign ₦ and a dash –
/** “Quoted” in a doc comment, and an emoji 🎓. */
export const naira = "₦5,000 · paid";
export const template = \`Step \${1 + 1} – ✓ done\`;
export const pattern = /^[ƙɗɓƴ]+$/u.test("ƙɗ") && /^🎓$/u.test("🎓") && /^🎓$/.test("🎓") && !/^[ƙ]$/.test("k");
export const emoji = "🎓".length;
export const keys = { "é": 1 };
export const ç = "a name";
export const object = {
  /** Kept by esbuild: a comment on a property, with “quotes” and 🎓. */
  key: 1,
};
/*! A legal comment – kept too. */
`;

describe("asciiSource", () => {
  it("writes a module in ASCII only, comments included", async () => {
    expect(await asciiSource(MODULE)).not.toMatch(/[\u0080-\uffff]/);
  });

  it("keeps every value the module exports", async () => {
    const after = await load(await asciiSource(MODULE));
    expect(after).toEqual(await load(MODULE));
    expect(after.naira).toBe("₦5,000 · paid");
    expect(after.pattern).toBe(true);
  });

  it("leaves a raw template as written, since an escape there would change its value", async () => {
    const raw = 'export const raw = String.raw`₦\\n`;';
    expect((await load(await asciiSource(raw))).raw).toBe("₦\\n");
  });
});
