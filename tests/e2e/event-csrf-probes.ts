import Database from "better-sqlite3";
import type { CsrfProbe, CsrfWorld } from "./csrf-world";

// Requests to the organisers' event pages that WOULD change the demo database if let through,
// for the cross-site tests. Each uses a different demo event or ticket, so each one changes
// something even after the ones before it went through.

function demoRows(w: CsrfWorld) {
  const sqlite = new Database(w.server.databaseFile, { readonly: true });
  try {
    const event = (slug: string) => (sqlite.prepare("select id from events where slug = ?").get(slug) as { id: string }).id;
    const ticket = (slug: string) =>
      sqlite
        .prepare(
          `select r.id, r.check_in_token as token from registrations r join events e on e.id = r.event_id
           join users u on u.id = r.user_id where e.slug = ? and u.email = 'participant@example.org'`,
        )
        .get(slug) as { id: string; token: string };
    return {
      resilience: event("bouncing-back-a-resilience-workshop"),
      cvClinic: event("cv-clinic-make-your-cv-work-for-you"),
      online: event("interview-practice-online"),
      draft: event("money-basics-for-your-first-salary"),
      resilienceTicket: ticket("bouncing-back-a-resilience-workshop"),
      cvClinicTicket: ticket("cv-clinic-make-your-cv-work-for-you"),
    };
  } finally {
    sqlite.close();
  }
}

const NEW_EVENT = {
  kind: "seminar",
  title: "Cross-site seminar",
  startsAt: "2030-01-10T10:00",
  endsAt: "2030-01-10T12:00",
  format: "in_person",
  venueName: "Somewhere",
  venueAddress: "1 Road, Lagos",
  capacity: "10",
  reminderHoursBefore: "24",
  offerHours: "24",
};

export const EVENT_CSRF_PROBES: Record<string, (w: CsrfWorld) => CsrfProbe> = {
  "routes/admin.events.new": (w) => ({ url: "/admin/events/new", form: NEW_EVENT, cookie: w.cookies.organiser }),
  "routes/admin.events.$id._index": (w) => ({ url: `/admin/events/${demoRows(w).draft}?index`, form: { intent: "publish" }, cookie: w.cookies.organiser }),
  "routes/admin.events.$id.edit": (w) => ({
    url: `/admin/events/${demoRows(w).online}/edit`,
    form: { ...NEW_EVENT, title: "Taken over", format: "online", joinUrl: "https://evil.example/meet", startsAt: "2030-01-11T10:00", endsAt: "2030-01-11T12:00", capacity: "100" },
    cookie: w.cookies.organiser,
  }),
  "routes/admin.events.$id.check-in._index": (w) => {
    const rows = demoRows(w);
    return { url: `/admin/events/${rows.resilience}/check-in?index`, form: { intent: "registration", registrationId: rows.resilienceTicket.id }, cookie: w.cookies.organiser };
  },
  "routes/admin.events.$id.check-in.$token": (w) => {
    const rows = demoRows(w);
    return { url: `/admin/events/${rows.cvClinic}/check-in/${rows.cvClinicTicket.token}`, form: { intent: "check-in" }, cookie: w.cookies.organiser };
  },
  "routes/admin.events.$id.cancel": (w) => ({ url: `/admin/events/${demoRows(w).online}/cancel`, form: { confirm: "yes" }, cookie: w.cookies.organiser }),
};
