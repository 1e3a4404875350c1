import { suggestMentorsFor, openPairsOf, getMenteeProfile } from "~/modules/mentoring/index.server";
import { approvedMentors } from "~/modules/mentoring/suggestions.server";
import { db } from "~db/client.server";
const uid = (db.$client.prepare("select id from users where email = ?").get("participant@example.org") as any).id;
function time(label: string, fn: () => unknown, n = 300) {
  for (let i = 0; i < 50; i++) fn();
  const m0 = process.memoryUsage().heapUsed;
  const t = performance.now(); for (let i = 0; i < n; i++) fn();
  console.log(label.padEnd(24), ((performance.now() - t) / n * 1000).toFixed(0), "µs");
}
time("suggestMentorsFor", () => suggestMentorsFor(uid));
time("approvedMentors", () => approvedMentors());
time("openPairsOf", () => openPairsOf(uid));
time("getMenteeProfile", () => getMenteeProfile(uid));
