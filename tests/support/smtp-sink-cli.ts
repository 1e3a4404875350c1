// Starts an SMTP sink in its own process for the end-to-end tests:
//   tsx tests/support/smtp-sink-cli.ts <dir> [port]
// Each message received is written to <dir> as a JSON file; the chosen port is printed as
// `PORT=<n>` on stdout. Stops on SIGINT or SIGTERM.
import { startSmtpSink } from "./smtp-sink";

const [dir, portArg] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: smtp-sink-cli <dir> [port]\n");
  process.exit(2);
}

const sink = await startSmtpSink({ dir, port: portArg ? Number(portArg) : 0 });
process.stdout.write(`PORT=${sink.port}\n`);

const stop = async () => {
  await sink.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
