import type { NextFunction, Request, Response } from "express";
import { isCsrfExempt, SAFE_METHODS } from "./http-security.server";

/** Far above any form of ours; a body is buffered whole before an action reads it. */
const MAX_FORM_BYTES = 1_000_000;

/**
 * The pages that take a file, each with the largest body it accepts: the file's own limit plus
 * room for base64 (the "map the columns" step carries the file back) and the other fields. The
 * action reads the body itself with `readBodyWithin` and the same limit.
 */
export const UPLOAD_BODY_LIMITS = new Map([["/admin/donations/statements", 2_800_000]]);

/** A page's upload limit, whether the form posted to the page or, with JavaScript, to its data URL. */
export function uploadBodyLimit(path: string): number | undefined {
  return UPLOAD_BODY_LIMITS.get(path.replace(/\.data$/, ""));
}

/** Endpoints a page's script posts JSON to (same-site, so the CSRF guard still applies), each with its limit. */
const JSON_BODY_LIMITS: [RegExp, number][] = [[/^\/door\/[^/]+\/sync$/, 2_000_000]];

function jsonBodyLimit(path: string): number | undefined {
  return JSON_BODY_LIMITS.find(([pattern]) => pattern.test(path))?.[1];
}

/**
 * Every page posts URL-encoded forms, and actions read them with `request.formData()`, which
 * throws (a 500) on any other body. Such requests are refused here with a 4xx before they reach
 * an action, as are bodies too large to buffer. The Stripe webhook brings its own JSON body.
 * Pages that take a file (multipart) are let through deliberately, each with its own limit, and
 * so is the door page's sync, which its script posts as JSON.
 */
export function formBodiesOnly(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || isCsrfExempt(req.path)) return next();
  const contentType = req.get("content-type") ?? "";
  const type = contentType.split(";")[0].trim().toLowerCase();
  const uploadLimit = uploadBodyLimit(req.path);
  if (uploadLimit !== undefined && type === "multipart/form-data" && /;\s*boundary=/i.test(contentType)) {
    const length = req.get("content-length");
    if (length === undefined) return res.status(411).type("text/plain").send("Length Required.");
    if (Number(length) > uploadLimit) return res.status(413).type("text/plain").send("Payload Too Large: the file is too big.");
    return next();
  }
  const jsonLimit = jsonBodyLimit(req.path);
  if (jsonLimit !== undefined && type === "application/json") {
    const length = req.get("content-length");
    if (length === undefined) return res.status(411).type("text/plain").send("Length Required.");
    if (Number(length) > jsonLimit) return res.status(413).type("text/plain").send("Payload Too Large: send the queue in smaller parts.");
    return next();
  }
  if (type !== "application/x-www-form-urlencoded") {
    return res.status(415).type("text/plain").send("Unsupported Media Type: send the form as a web page does.");
  }
  const length = req.get("content-length");
  // Browsers always state the length of a form; without it the size could not be checked.
  if (length === undefined) return res.status(411).type("text/plain").send("Length Required.");
  if (Number(length) > MAX_FORM_BYTES) return res.status(413).type("text/plain").send("Payload Too Large.");
  next();
}
