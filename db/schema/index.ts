export * from "./auth";
export * from "./organisation";
export * from "./outbox";
export * from "./events";
export * from "./curriculum";
