import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The house rules of docs/architecture.md, kept by the linter. Each area may use the areas below
// it, only through their front doors (`~/modules/<area>` for browser-safe code,
// `~/modules/<area>/index.server` for server code); nothing points back up.
const LOWER_AREAS = {
  organisation: [],
  outbox: ["organisation"],
  auth: ["organisation", "outbox"],
  events: ["organisation", "outbox", "auth"],
  curriculum: ["organisation", "outbox", "auth"],
  sponsorship: ["organisation", "outbox", "auth"],
  cohorts: ["organisation", "outbox", "auth", "events", "curriculum"],
  mentoring: ["organisation", "outbox", "auth", "events", "curriculum", "cohorts"],
  journey: ["organisation", "outbox", "auth", "events", "curriculum", "sponsorship", "cohorts", "mentoring"],
  privacy: ["organisation", "outbox", "auth", "events", "curriculum", "sponsorship", "cohorts", "mentoring", "journey"],
  admin: ["organisation", "outbox", "auth", "events", "curriculum", "sponsorship", "cohorts", "mentoring", "journey", "privacy"],
};

const EVERYWHERE = [
  { name: "react-router-dom", message: "Import from react-router." },
  { name: "react-router", importNames: ["json", "defer"], message: "Return plain objects or data()." },
];

const FRONT_DOORS_ONLY = {
  group: ["~/modules/*/*", "!~/modules/*/index.server", "**/modules/*/*", "!**/modules/*/index.server"],
  message: "Use the area's front door: ~/modules/<area> (browser-safe) or ~/modules/<area>/index.server.",
};

const restrict = (patterns, paths = []) => ["error", { paths: [...EVERYWHERE, ...paths], patterns }];

const usesOnly = (area, lower) =>
  lower.length ? `The ${area} area may use only ${lower.join(", ")}, and only through their front doors.` : `The ${area} area is the base: it uses no other area.`;

// Relative imports stay inside the area: one `../` leaves it from its top folder, two from a subfolder.
const areaRules = Object.entries(LOWER_AREAS).flatMap(([area, lower]) =>
  [
    [`app/modules/${area}/*.{ts,tsx}`, "^\\.\\./"],
    [`app/modules/${area}/*/**/*.{ts,tsx}`, "^\\.\\./\\.\\./"],
  ].map(([files, leavesArea]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": restrict(
        [
          // Two groups, because an excluded folder cannot be re-included below it (gitignore rules).
          { group: ["~/modules/*", `!~/modules/${area}`, ...lower.map((other) => `!~/modules/${other}`)], message: usesOnly(area, lower) },
          { group: ["~/modules/*/*", `!~/modules/${area}/*`, ...lower.map((other) => `!~/modules/${other}/index.server`)], message: usesOnly(area, lower) },
          { group: ["~/routes/**", "**/routes/**", "~/components/**", "**/components/**"], message: "Modules never import routes or components." },
          { regex: leavesArea, message: "Reach another area through ~/modules/<area>/index.server." },
        ],
        [
          { name: "react-router", message: "HTTP stays in routes: return a Refusal or a value, never a Response." },
          {
            name: "~/utils/http.server",
            importNames: ["forbidden"],
            message: "HTTP stays in routes: return a Refusal. Only a guard's 404 and a rate limit's 429 may end a request from a module (ADR 0018).",
          },
        ],
      ),
    },
  })),
);

export default tseslint.config(
  { ignores: [".react-router/", "build/", "node_modules/", "data/", "test-results/", "playwright-report/", "db/migrations/", "bench/reference-app/build/", "bench/reference-app/.react-router/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": restrict([]),
    },
  },
  {
    files: ["app/root.tsx", "app/entry.*.tsx", "scripts/**/*.{ts,mjs}", "server.ts", "emails/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrict([FRONT_DOORS_ONLY]) },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict(
        [FRONT_DOORS_ONLY],
        [{ name: "~/utils/clock.server", importNames: ["clock"], message: "Routes do not read the clock: the area's functions read it themselves (ADR 0018)." }],
      ),
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict([
        FRONT_DOORS_ONLY,
        { group: ["**/*.server", "~db/**", "**/db/**"], message: "Components run in the browser too: no *.server files and no database." },
      ]),
    },
  },
  {
    // The door page's own script (ADR 0037): every byte counts, so it takes only types from the
    // areas, and the one dependency-free file that reads a ticket's address.
    files: ["app/door-client/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        {
          regex: "^(~/modules/(?!events/check-in/ticket-scan$)|~/components/|~/routes/|~/utils/|~db/|react|zod$)",
          allowTypeImports: true,
          message: "The door page's script ships alone: import only types from the app (and ticket-scan).",
        },
      ]),
    },
  },
  ...areaRules,
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([{ group: ["~/modules/**", "~/routes/**", "~/components/**", "**/app/**"], message: "db/ holds schema, migrations and the client: it uses no area." }]),
    },
  },
  {
    files: ["db/schema/**/*.ts"],
    rules: { "no-restricted-imports": restrict([{ group: ["~/**", "**/app/**"], message: "The schema imports nothing from app/." }]) },
  },
  {
    // Playwright fixtures take an (often empty) destructured first argument and a `use` callback.
    files: ["tests/e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off", "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
