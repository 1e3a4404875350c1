import Database from "better-sqlite3";

/**
 * The event page worth measuring in a seeded database: the upcoming published event with the most
 * registrations (the busiest page: seats, waitlist, questions).
 */
function busiestUpcomingEvent(databaseFile: string): { id: string; slug: string } {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite
      .prepare(
        `select e.id, e.slug from events e left join registrations r on r.event_id = e.id
         where e.status = 'published' and e.starts_at > ? group by e.id order by count(r.id) desc, e.starts_at limit 1`,
      )
      .get(Date.now()) as { id: string; slug: string } | undefined;
    if (!row) throw new Error("The seeded database has no upcoming published event");
    return row;
  } finally {
    sqlite.close();
  }
}

export function busiestUpcomingEventPath(databaseFile: string): string {
  return `/events/${busiestUpcomingEvent(databaseFile).slug}`;
}

/** The same event's check-in page at the door. */
export function busiestUpcomingDoorPath(databaseFile: string): string {
  return `/door/${busiestUpcomingEvent(databaseFile).id}`;
}
