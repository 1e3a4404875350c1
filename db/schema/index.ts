export * from "./auth";
export * from "./organisation";
export * from "./outbox";
export * from "./events";
export * from "./curriculum";
export * from "./cohorts";
export * from "./mentoring";
export * from "./sponsorship";
