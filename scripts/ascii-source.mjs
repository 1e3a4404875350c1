// Server bundles are written in ASCII. V8 keeps each module's source text in memory, and one
// character above U+00FF (a "–" or a "₦" in a comment is enough) stores the whole bundle at two bytes
// a character: several MiB of heap for nothing (ADR 0050).
import { parse } from "acorn";
import { transform } from "esbuild";

const NOT_ASCII = /[\u0080-\uffff]/;
const escapeAll = (text) => text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The same module with its non-ASCII characters escaped (all but those a raw template must keep). */
export async function asciiSource(code) {
  // esbuild escapes strings, templates and identifiers. Comments and regular expressions it prints
  // as written: in a comment an escape is as good as the character, and in a pattern `\uXXXX` for
  // each UTF-16 unit matches what the character did, with or without the `u` flag.
  const { code: escaped } = await transform(code, { charset: "ascii", format: "esm", loader: "js", target: "node24", legalComments: "inline" });
  const asWritten = [];
  parse(escaped, {
    ecmaVersion: "latest",
    sourceType: "module",
    onComment: (_block, _text, start, end) => asWritten.push([start, end]),
    onToken: (token) => token.type.label === "regexp" && asWritten.push([token.start, token.end]),
  });
  asWritten.sort((a, b) => a[0] - b[0]);
  let ascii = "";
  let at = 0;
  for (const [start, end] of asWritten) {
    ascii += escaped.slice(at, start) + escapeAll(escaped.slice(start, end));
    at = end;
  }
  ascii += escaped.slice(at);
  const left = ascii.split("\n").find((line) => NOT_ASCII.test(line));
  if (left) console.warn(`warning: a raw template keeps the bundle's source at two bytes a character: ${left.trim().slice(0, 120)}`);
  return ascii;
}
