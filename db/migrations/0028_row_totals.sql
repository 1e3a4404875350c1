-- Rows held per table, for the register of processing and paged lists' totals (ADR 0055).
-- Kept like the totals of migration 0026: by triggers, in the same transaction as the write.
INSERT INTO `running_totals` (`name`, `value`)
SELECT 'rows:email_preferences', count(*) FROM `email_preferences`
UNION ALL SELECT 'rows:partner_enquiries', count(*) FROM `partner_enquiries`
UNION ALL SELECT 'rows:invitations', count(*) FROM `invitations`
UNION ALL SELECT 'rows:cohort_invitations', count(*) FROM `cohort_invitations`
UNION ALL SELECT 'rows:guardian_consents', count(*) FROM `guardian_consents`
UNION ALL SELECT 'rows:consent_records', count(*) FROM `consent_records`
UNION ALL SELECT 'rows:registrations', count(*) FROM `registrations`
UNION ALL SELECT 'rows:registration_answers', count(*) FROM `registration_answers`
UNION ALL SELECT 'rows:event_feedback', count(*) FROM `event_feedback`
UNION ALL SELECT 'rows:calendar_feeds', count(*) FROM `calendar_feeds`
UNION ALL SELECT 'rows:cohort_members', count(*) FROM `cohort_members`
UNION ALL SELECT 'rows:exercise_answers', count(*) FROM `exercise_answers`
UNION ALL SELECT 'rows:achievements', count(*) FROM `achievements`
UNION ALL SELECT 'rows:outcomes', count(*) FROM `outcomes`
UNION ALL SELECT 'rows:follow_ups', count(*) FROM `follow_ups`
UNION ALL SELECT 'rows:stories', count(*) FROM `stories`
UNION ALL SELECT 'rows:mentor_profiles', count(*) FROM `mentor_profiles`
UNION ALL SELECT 'rows:mentee_profiles', count(*) FROM `mentee_profiles`
UNION ALL SELECT 'rows:mentoring_sessions', count(*) FROM `mentoring_sessions`
UNION ALL SELECT 'rows:mentorship_check_ins', count(*) FROM `mentorship_check_ins`
UNION ALL SELECT 'rows:mentorship_notes', count(*) FROM `mentorship_notes`
UNION ALL SELECT 'rows:shared_step_answers', count(*) FROM `shared_step_answers`
UNION ALL SELECT 'rows:donations', count(*) FROM `donations`
UNION ALL SELECT 'rows:recurring_gifts', count(*) FROM `recurring_gifts`
UNION ALL SELECT 'rows:outbox', count(*) FROM `outbox`
UNION ALL SELECT 'rows:sessions', count(*) FROM `sessions`
UNION ALL SELECT 'rows:totp_factors', count(*) FROM `totp_factors`
UNION ALL SELECT 'rows:recovery_codes', count(*) FROM `recovery_codes`
UNION ALL SELECT 'rows:audit_log', count(*) FROM `audit_log`
UNION ALL SELECT 'rows:data_subject_requests', count(*) FROM `data_subject_requests`
UNION ALL SELECT 'rows:data_exports', count(*) FROM `data_exports`
UNION ALL SELECT 'rows:breaches', count(*) FROM `breaches`
UNION ALL SELECT 'people_erased', count(*) FROM `users` WHERE `erased_at` IS NOT NULL
UNION ALL SELECT 'people_with_birth_date', count(*) FROM `users` WHERE `birth_date` IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `email_preferences_rows_insert` AFTER INSERT ON `email_preferences` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:email_preferences', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `email_preferences_rows_delete` AFTER DELETE ON `email_preferences` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:email_preferences', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `partner_enquiries_rows_insert` AFTER INSERT ON `partner_enquiries` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:partner_enquiries', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `partner_enquiries_rows_delete` AFTER DELETE ON `partner_enquiries` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:partner_enquiries', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `invitations_rows_insert` AFTER INSERT ON `invitations` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:invitations', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `invitations_rows_delete` AFTER DELETE ON `invitations` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:invitations', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohort_invitations_rows_insert` AFTER INSERT ON `cohort_invitations` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:cohort_invitations', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohort_invitations_rows_delete` AFTER DELETE ON `cohort_invitations` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:cohort_invitations', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `guardian_consents_rows_insert` AFTER INSERT ON `guardian_consents` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:guardian_consents', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `guardian_consents_rows_delete` AFTER DELETE ON `guardian_consents` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:guardian_consents', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `consent_records_rows_insert` AFTER INSERT ON `consent_records` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:consent_records', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `consent_records_rows_delete` AFTER DELETE ON `consent_records` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:consent_records', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_rows_insert` AFTER INSERT ON `registrations` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:registrations', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_rows_delete` AFTER DELETE ON `registrations` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:registrations', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `registration_answers_rows_insert` AFTER INSERT ON `registration_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:registration_answers', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `registration_answers_rows_delete` AFTER DELETE ON `registration_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:registration_answers', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `event_feedback_rows_insert` AFTER INSERT ON `event_feedback` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:event_feedback', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `event_feedback_rows_delete` AFTER DELETE ON `event_feedback` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:event_feedback', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `calendar_feeds_rows_insert` AFTER INSERT ON `calendar_feeds` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:calendar_feeds', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `calendar_feeds_rows_delete` AFTER DELETE ON `calendar_feeds` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:calendar_feeds', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohort_members_rows_insert` AFTER INSERT ON `cohort_members` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:cohort_members', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohort_members_rows_delete` AFTER DELETE ON `cohort_members` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:cohort_members', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_answers_rows_insert` AFTER INSERT ON `exercise_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:exercise_answers', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_answers_rows_delete` AFTER DELETE ON `exercise_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:exercise_answers', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `achievements_rows_insert` AFTER INSERT ON `achievements` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:achievements', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `achievements_rows_delete` AFTER DELETE ON `achievements` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:achievements', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `outcomes_rows_insert` AFTER INSERT ON `outcomes` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:outcomes', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `outcomes_rows_delete` AFTER DELETE ON `outcomes` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:outcomes', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_rows_insert` AFTER INSERT ON `follow_ups` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:follow_ups', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_rows_delete` AFTER DELETE ON `follow_ups` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:follow_ups', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `stories_rows_insert` AFTER INSERT ON `stories` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:stories', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `stories_rows_delete` AFTER DELETE ON `stories` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:stories', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentor_profiles_rows_insert` AFTER INSERT ON `mentor_profiles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentor_profiles', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentor_profiles_rows_delete` AFTER DELETE ON `mentor_profiles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentor_profiles', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentee_profiles_rows_insert` AFTER INSERT ON `mentee_profiles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentee_profiles', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentee_profiles_rows_delete` AFTER DELETE ON `mentee_profiles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentee_profiles', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentoring_sessions_rows_insert` AFTER INSERT ON `mentoring_sessions` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentoring_sessions', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentoring_sessions_rows_delete` AFTER DELETE ON `mentoring_sessions` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentoring_sessions', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentorship_check_ins_rows_insert` AFTER INSERT ON `mentorship_check_ins` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentorship_check_ins', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentorship_check_ins_rows_delete` AFTER DELETE ON `mentorship_check_ins` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentorship_check_ins', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentorship_notes_rows_insert` AFTER INSERT ON `mentorship_notes` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentorship_notes', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentorship_notes_rows_delete` AFTER DELETE ON `mentorship_notes` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:mentorship_notes', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `shared_step_answers_rows_insert` AFTER INSERT ON `shared_step_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:shared_step_answers', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `shared_step_answers_rows_delete` AFTER DELETE ON `shared_step_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:shared_step_answers', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `donations_rows_insert` AFTER INSERT ON `donations` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:donations', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `donations_rows_delete` AFTER DELETE ON `donations` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:donations', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `recurring_gifts_rows_insert` AFTER INSERT ON `recurring_gifts` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:recurring_gifts', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `recurring_gifts_rows_delete` AFTER DELETE ON `recurring_gifts` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:recurring_gifts', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `outbox_rows_insert` AFTER INSERT ON `outbox` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:outbox', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `outbox_rows_delete` AFTER DELETE ON `outbox` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:outbox', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `sessions_rows_insert` AFTER INSERT ON `sessions` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:sessions', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `sessions_rows_delete` AFTER DELETE ON `sessions` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:sessions', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `totp_factors_rows_insert` AFTER INSERT ON `totp_factors` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:totp_factors', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `totp_factors_rows_delete` AFTER DELETE ON `totp_factors` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:totp_factors', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `recovery_codes_rows_insert` AFTER INSERT ON `recovery_codes` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:recovery_codes', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `recovery_codes_rows_delete` AFTER DELETE ON `recovery_codes` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:recovery_codes', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_rows_insert` AFTER INSERT ON `audit_log` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:audit_log', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_rows_delete` AFTER DELETE ON `audit_log` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:audit_log', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `data_subject_requests_rows_insert` AFTER INSERT ON `data_subject_requests` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:data_subject_requests', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `data_subject_requests_rows_delete` AFTER DELETE ON `data_subject_requests` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:data_subject_requests', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `data_exports_rows_insert` AFTER INSERT ON `data_exports` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:data_exports', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `data_exports_rows_delete` AFTER DELETE ON `data_exports` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:data_exports', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `breaches_rows_insert` AFTER INSERT ON `breaches` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:breaches', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `breaches_rows_delete` AFTER DELETE ON `breaches` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:breaches', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_erased_at_insert` AFTER INSERT ON `users` WHEN NEW.`erased_at` IS NOT NULL BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_erased', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_erased_at_update` AFTER UPDATE OF `erased_at` ON `users` WHEN (NEW.`erased_at` IS NULL) <> (OLD.`erased_at` IS NULL) BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_erased', (NEW.`erased_at` IS NOT NULL) - (OLD.`erased_at` IS NOT NULL)) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_erased_at_delete` AFTER DELETE ON `users` WHEN OLD.`erased_at` IS NOT NULL BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_erased', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_birth_date_insert` AFTER INSERT ON `users` WHEN NEW.`birth_date` IS NOT NULL BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_with_birth_date', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_birth_date_update` AFTER UPDATE OF `birth_date` ON `users` WHEN (NEW.`birth_date` IS NULL) <> (OLD.`birth_date` IS NULL) BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_with_birth_date', (NEW.`birth_date` IS NOT NULL) - (OLD.`birth_date` IS NOT NULL)) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_birth_date_delete` AFTER DELETE ON `users` WHEN OLD.`birth_date` IS NOT NULL BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_with_birth_date', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
