import { db } from "~db/client.server";

// The rules real data obeys because people can only do things in order, as SQL that returns the
// rows breaking each rule. `@seededAt` is the moment the data set was made: nothing happens later.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEMO_INVARIANTS: { rule: string; sql: string }[] = [
  {
    rule: "an event is published after it is created and before it starts",
    sql: `select slug from events where published_at is not null and (published_at < created_at or published_at > starts_at)`,
  },
  {
    rule: "a registration is made between the event's publication and its start",
    sql: `select e.slug, r.created_at, e.published_at, e.starts_at from registrations r join events e on e.id = r.event_id
          where e.published_at is null or r.created_at < e.published_at or r.created_at > e.starts_at`,
  },
  {
    rule: "a check-in falls after the registration, on the day (at most an hour before the start) and before the end",
    sql: `select e.slug, r.created_at, r.checked_in_at, e.starts_at, e.ends_at from registrations r join events e on e.id = r.event_id
          where r.checked_in_at is not null
            and (r.checked_in_at < r.created_at or r.checked_in_at < e.starts_at - ${HOUR} or r.checked_in_at > e.ends_at)`,
  },
  {
    rule: "feedback comes from someone checked in, after the event ended",
    sql: `select e.slug, f.created_at, e.ends_at from event_feedback f join registrations r on r.id = f.registration_id join events e on e.id = r.event_id
          where r.checked_in_at is null or f.created_at < e.ends_at`,
  },
  {
    rule: "a mentoring session is answered after it was proposed",
    sql: `select id from mentoring_sessions where responded_at is not null and responded_at < created_at`,
  },
  {
    rule: "a mentor profile is reviewed after it was written, and asked only once approved",
    sql: `select p.user_id, m.id as mentorship from mentor_profiles p left join mentorships m on m.mentor_id = p.user_id
          where (p.reviewed_at is not null and p.reviewed_at < p.created_at)
             or (m.id is not null and (p.status <> 'approved' or p.reviewed_at > m.created_at))`,
  },
  {
    rule: "a mentorship request is answered after it was made, within its answer-by time",
    sql: `select id from mentorships where (responded_at is not null and (responded_at < created_at or responded_at > respond_by))
                                     or (started_at is not null and started_at < created_at)`,
  },
  {
    rule: "a gift is made while its campaign exists, and paid after it was made",
    sql: `select d.id, d.created_at, d.paid_at, c.created_at as campaign_created from donations d join campaigns c on c.id = d.campaign_id
          where d.created_at < c.created_at or (d.paid_at is not null and d.paid_at < d.created_at)`,
  },
  {
    rule: "a member joins after the cohort is created and before their first answer",
    sql: `select m.id, m.joined_at, c.created_at from cohort_members m join cohorts c on c.id = m.cohort_id
          where m.joined_at < c.created_at or m.joined_at > (select min(a.completed_at) from exercise_answers a where a.member_id = m.id)`,
  },
  {
    rule: "a step is answered after it opened",
    sql: `select a.member_id, a.step_id, a.completed_at, s.release_at from exercise_answers a
          join cohort_members m on m.id = a.member_id join step_releases s on s.cohort_id = m.cohort_id and s.step_id = a.step_id
          where s.release_at is null or a.completed_at < s.release_at`,
  },
  {
    rule: "a step is announced once it opened",
    sql: `select cohort_id, step_id from step_releases where notified_at is not null and (release_at is null or notified_at < release_at)`,
  },
  {
    rule: "a reminder about a step comes the cohort's delay after it opened (or the member joined), while it was undone",
    sql: `select n.member_id, n.step_id, n.sent_at, s.release_at from step_nudges n
          join cohort_members m on m.id = n.member_id join cohorts c on c.id = m.cohort_id
          join step_releases s on s.cohort_id = m.cohort_id and s.step_id = n.step_id
          left join exercise_answers a on a.member_id = n.member_id and a.step_id = n.step_id
          where s.release_at is null or c.nudge_after_days is null
             or n.sent_at < max(s.release_at, m.joined_at) + c.nudge_after_days * ${DAY}
             or a.completed_at < n.sent_at`,
  },
  {
    rule: "people act only once their account exists",
    sql: `select 'registration' as what, r.id from registrations r join users u on u.id = r.user_id where r.created_at < u.created_at
          union all select 'membership', m.id from cohort_members m join users u on u.id = m.user_id where m.joined_at < u.created_at
          union all select 'request', m.id from mentorships m join users u on u.id = m.mentee_id where m.created_at < u.created_at
          union all select 'mentor profile', p.user_id from mentor_profiles p join users u on u.id = p.user_id where p.created_at < u.created_at
          union all select 'mentee profile', p.user_id from mentee_profiles p join users u on u.id = p.user_id where p.created_at < u.created_at
          union all select 'gift', d.id from donations d join users u on u.id = d.user_id where d.created_at < u.created_at
          union all select 'application', j.id from job_applications j join users u on u.id = j.user_id where j.created_at < u.created_at
          union all select 'consent', c.id from consent_records c join users u on u.id = c.user_id where c.at < u.created_at
          union all select 'guardian consent', g.id from guardian_consents g join users u on u.id = g.user_id where g.requested_at < u.created_at or g.given_at < g.requested_at`,
  },
  {
    rule: "nothing happens after the moment the data was made",
    sql: `select 'user' as what, id from users where created_at > @seededAt
          union all select 'event', id from events where created_at > @seededAt or published_at > @seededAt
          union all select 'registration', id from registrations where created_at > @seededAt or checked_in_at > @seededAt
          union all select 'feedback', registration_id from event_feedback where created_at > @seededAt
          union all select 'cohort', id from cohorts where created_at > @seededAt
          union all select 'membership', id from cohort_members where joined_at > @seededAt
          union all select 'answer', member_id from exercise_answers where completed_at > @seededAt
          union all select 'reminder', member_id from step_nudges where sent_at > @seededAt
          union all select 'announcement', step_id from step_releases where notified_at > @seededAt
          union all select 'mentor profile', user_id from mentor_profiles where created_at > @seededAt or reviewed_at > @seededAt
          union all select 'mentorship', id from mentorships where created_at > @seededAt or responded_at > @seededAt
          union all select 'campaign', id from campaigns where created_at > @seededAt
          union all select 'gift', id from donations where created_at > @seededAt or paid_at > @seededAt
          union all select 'audit', id from audit_log where at > @seededAt
          union all select 'consent', id from consent_records where at > @seededAt
          union all select 'request', id from data_subject_requests where received_at > @seededAt or closed_at > @seededAt
          union all select 'breach', id from breaches where found_at > @seededAt or closed_at > @seededAt`,
  },
];

/** The rows breaking `sql` in the test's database. */
export function violations(sql: string, seededAt: number): unknown[] {
  const statement = db.$client.prepare(sql);
  return sql.includes("@seededAt") ? statement.all({ seededAt }) : statement.all();
}
