// Pure-JavaScript packages spread over many files, bundled into the server build: each file
// resolved and compiled on its own made start-up slow (hundreds of files for date-fns alone).
export const BUNDLED_PACKAGES = ["date-fns", "@date-fns/tz", "yaml", "libphonenumber-js", "zod", "stripe", "drizzle-orm"];
