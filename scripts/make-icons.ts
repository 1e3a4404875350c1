// Draws the app's PNG icons from public/favicon.svg (ADR 0035): run `npx tsx scripts/make-icons.ts`
// after changing the favicon, and commit the PNGs in public/icons/.
import fs from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

const root = path.resolve(import.meta.dirname, "..");
const favicon = fs.readFileSync(path.join(root, "public/favicon.svg"), "utf8");
const BRAND = "#0b5e55";

function png(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng();
}

// A maskable icon may be cropped to a circle: the mark sits in the middle 60%, on a full brand square.
function maskable(): string {
  const inner = favicon.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${BRAND}"/><g transform="translate(6.4 6.4) scale(0.6)">${inner}</g></svg>`;
}

const outputs: [string, string, number][] = [
  ["icon-192.png", favicon, 192],
  ["icon-512.png", favicon, 512],
  ["icon-maskable-512.png", maskable(), 512],
];
for (const [name, svg, size] of outputs) {
  fs.writeFileSync(path.join(root, "public/icons", name), png(svg, size));
  console.log(`public/icons/${name}`);
}
