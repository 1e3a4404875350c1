// A short, readable name for the device behind a session ("Chrome on Android"). It helps a
// person recognise their own sessions; it is not used for any security decision, so a few
// patterns for the browsers and systems common among our users are enough.

type Pattern = [RegExp, string];

// Order matters: many browsers also claim to be Chrome, Safari or Firefox.
const BROWSERS: Pattern[] = [
  [/Opera Mini/i, "Opera Mini"],
  [/\bOPR\/|\bOPiOS\//, "Opera"],
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/UCBrowser\//, "UC Browser"],
  [/\bFxiOS\//, "Firefox"],
  [/\bCriOS\//, "Chrome"],
  [/KAIOS/i, "KaiOS Browser"],
  [/\bFirefox\//, "Firefox"],
  [/\bChrom(e|ium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const SYSTEMS: Pattern[] = [
  [/KAIOS/i, "KaiOS"],
  [/Android/, "Android"],
  [/iPhone|iPod/, "iPhone"],
  [/iPad/, "iPad"],
  [/Windows/, "Windows"],
  [/CrOS/, "ChromeOS"],
  [/Macintosh|Mac OS X/, "Mac"],
  [/Linux/, "Linux"],
];

function match(patterns: Pattern[], userAgent: string): string | null {
  for (const [pattern, name] of patterns) if (pattern.test(userAgent)) return name;
  return null;
}

export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent ?? "";
  const system = match(SYSTEMS, ua);
  let browser = match(BROWSERS, ua);
  // KaiOS's own browser is the whole device experience; "KaiOS Browser on KaiOS" says it twice.
  if (browser === "KaiOS Browser") browser = null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? "Unknown device";
}
