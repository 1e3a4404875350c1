// The minimal React Router app on Express, as the benchmarks' reference: no compression, no
// security headers, nothing but the framework. `node server.mjs` after `react-router build`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@react-router/express";
import express from "express";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/server/index.js"));

const app = express();
app.disable("x-powered-by");
app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
app.all("/{*splat}", createRequestHandler({ build, mode: "production" }));

const server = app.listen(Number(process.env.PORT ?? 3100), process.env.HOST ?? "127.0.0.1", () => {
  console.log(`reference app listening on port ${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
