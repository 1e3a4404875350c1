import fs from "node:fs";
import path from "node:path";
import express, { type RequestHandler } from "express";

/** Every file under `directory`, as the URL paths that name them (`/icons/192.png`). */
function filesUnder(directory: string, prefix = ""): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const urlPath = `${prefix}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path.join(directory, entry.name), urlPath) : [urlPath];
  });
}

/**
 * Serves the build's files without asking the disk about every other request: the build does not
 * change while the server runs, so its list of files is read once and pages skip the file lookup.
 */
export function buildFiles(directory: string, options: Parameters<typeof express.static>[1]): RequestHandler {
  const known = new Set(filesUnder(directory));
  const serve = express.static(directory, options);
  return (req, res, next) => {
    if (!known.has(req.path)) return next();
    serve(req, res, next);
  };
}
