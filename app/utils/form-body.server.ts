import type { NextFunction, Request, Response } from "express";
import { CSRF_EXEMPT_PATHS, SAFE_METHODS } from "./http-security.server";

/** Far above any form of ours; a body is buffered whole before an action reads it. */
const MAX_FORM_BYTES = 1_000_000;

/**
 * Every page posts URL-encoded forms, and actions read them with `request.formData()`, which
 * throws (a 500) on any other body. Such requests are refused here with a 4xx before they reach
 * an action, as are bodies too large to buffer. The Stripe webhook brings its own JSON body.
 * A route that ever takes file uploads (multipart) must be let through here deliberately.
 */
export function formBodiesOnly(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || CSRF_EXEMPT_PATHS.has(req.path)) return next();
  const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    return res.status(415).type("text/plain").send("Unsupported Media Type: send the form as a web page does.");
  }
  const length = req.get("content-length");
  // Browsers always state the length of a form; without it the size could not be checked.
  if (length === undefined) return res.status(411).type("text/plain").send("Length Required.");
  if (Number(length) > MAX_FORM_BYTES) return res.status(413).type("text/plain").send("Payload Too Large.");
  next();
}
