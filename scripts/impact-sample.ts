// The benchmark's annual impact page: this year's, published as an organiser would, on the seeded database.

export async function publishedImpactYearPath(server: { url: string; databaseFile: string }): Promise<string> {
  process.env.DATABASE_URL = server.databaseFile;
  process.env.APP_URL = server.url;
  const { findUserByEmail } = await import("~/modules/auth/index.server");
  const { getOrganisation } = await import("~/modules/organisation/index.server");
  const { setYearPublished } = await import("~/modules/journey/index.server");
  const { TZDate } = await import("@date-fns/tz");
  const organiser = findUserByEmail("organiser@example.org");
  if (!organiser) throw new Error("No organiser in the seeded database");
  const year = String(new TZDate(Date.now(), getOrganisation().timeZone).getFullYear());
  const published = setYearPublished(organiser.id, year, true);
  if (!published.ok) throw new Error(published.message);
  return `/impact/${year}`;
}
