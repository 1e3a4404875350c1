CREATE INDEX `events_start_idx` ON `events` (`starts_at`);--> statement-breakpoint
CREATE INDEX `certificates_completed_idx` ON `certificates` (`completed_at`);--> statement-breakpoint
CREATE INDEX `cohort_members_joined_idx` ON `cohort_members` (`joined_at`,`user_id`);--> statement-breakpoint
CREATE INDEX `cohorts_start_idx` ON `cohorts` (`start_date`);--> statement-breakpoint
CREATE INDEX `mentorships_started_idx` ON `mentorships` (`started_at`);--> statement-breakpoint
CREATE INDEX `outcomes_recorded_idx` ON `outcomes` (`recorded_at`,`user_id`);