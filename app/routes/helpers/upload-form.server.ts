import { readBodyWithin } from "~/utils/body-limit.server";
import { uploadBodyLimit } from "~/utils/form-body.server";

/**
 * A form that may carry a file: read as it streams up to the page's upload limit (the same the
 * server checked against the stated length), then parsed as multipart or URL-encoded. "too-large"
 * and "unreadable" are for the route to answer with a 413 or a 400, never a 500.
 */
export async function readUploadForm(request: Request): Promise<FormData | "too-large" | "unreadable"> {
  const limit = uploadBodyLimit(new URL(request.url).pathname) ?? 1_000_000;
  const body = await readBodyWithin(request, limit);
  if (!body) return "too-large";
  const type = request.headers.get("content-type");
  if (!type) return "unreadable";
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    return "unreadable";
  }
}
