import { redirect } from "react-router";
import type { Flash } from "./flash";
import { readCookie, serializeCookie } from "./session-cookie.server";

const FLASH_COOKIE = "flash";


/** Redirects and shows `message` once on the next page. */
export function redirectWithFlash(url: string, flash: Flash | string, init: { headers?: HeadersInit } = {}) {
  const value: Flash = typeof flash === "string" ? { kind: "success", message: flash } : flash;
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", serializeCookie(FLASH_COOKIE, JSON.stringify(value), 60));
  return redirect(url, { headers });
}

/** Reads the pending flash message and the header that clears it. */
export function takeFlash(request: Request): { flash: Flash | null; clearCookie: string | null } {
  const raw = readCookie(request.headers.get("cookie"), FLASH_COOKIE);
  if (!raw) return { flash: null, clearCookie: null };
  let flash: Flash | null = null;
  try {
    const parsed = JSON.parse(raw) as Flash;
    if (typeof parsed?.message === "string" && ["success", "info", "error"].includes(parsed.kind)) flash = parsed;
  } catch {
    flash = null;
  }
  return { flash, clearCookie: serializeCookie(FLASH_COOKIE, "", 0) };
}
