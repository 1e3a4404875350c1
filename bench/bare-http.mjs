// The benchmarks' ceiling: node:http answering a fixed small page, no framework at all.
import { Buffer } from "node:buffer";
import http from "node:http";

const page = Buffer.from(
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reference page</title></head><body><main><h1>Hello</h1><ul><li>one</li><li>two</li><li>three</li></ul></main></body></html>',
);

const server = http.createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": page.length });
  response.end(page);
});
server.listen(Number(process.env.PORT ?? 3101), process.env.HOST ?? "127.0.0.1", () => {
  console.log(`bare http listening on port ${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
