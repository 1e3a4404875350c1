import { data } from "react-router";

/** Throws a 404 that the shared error boundary renders. */
export function notFound(message = "We could not find that page."): never {
  throw data({ message }, { status: 404 });
}

export function forbidden(message = "You do not have access to this page."): never {
  throw data({ message }, { status: 403 });
}

export function tooManyRequests(retryAfterSeconds: number, message?: string): never {
  throw data(
    { message: message ?? "Too many attempts. Please wait a little and try again.", retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) } },
  );
}
