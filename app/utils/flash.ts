/** A message shown once on the next page. */
export type Flash = { kind: "success" | "info" | "error"; message: string };
