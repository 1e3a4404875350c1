import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { hashToken, sha256Bytes, sha256Hex } from "~/utils/ids.server";

// FIPS 180-2's examples, and text beyond ASCII hashed as UTF-8 (as the door page's Web Crypto does).
const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("SHA-256 helpers", () => {
  it("give the standard digests", () => {
    expect(sha256Hex("abc")).toBe(ABC);
    expect(sha256Hex("")).toBe(EMPTY);
    expect(hashToken("abc")).toBe(ABC);
    expect(Buffer.from(sha256Bytes("abc")).toString("hex")).toBe(ABC);
    expect(sha256Bytes("abc")).toHaveLength(32);
  });

  it("hash text as UTF-8, as an independent implementation does", () => {
    for (const text of ["₦5,000 · Ìbàdàn", "ƙɗɓƴ 🎓", "a.b-c_d"]) {
      const reference = encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
      expect(sha256Hex(text)).toBe(reference);
      expect(Buffer.from(sha256Bytes(text)).toString("hex")).toBe(reference);
    }
  });
});
