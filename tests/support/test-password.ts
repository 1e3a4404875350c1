export const DEFAULT_TEST_PASSWORD = "correct horse battery staple";

declare module "vitest" {
  export interface ProvidedContext {
    /** A real argon2id hash of DEFAULT_TEST_PASSWORD, computed once per run by global-setup. */
    defaultPasswordHash: string;
  }
}
