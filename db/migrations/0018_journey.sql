CREATE TABLE `achievements` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`kind` text NOT NULL,
	`event_id` text,
	`cohort_id` text,
	`recipient_name` text NOT NULL,
	`statement` text NOT NULL,
	`organisation_name` text NOT NULL,
	`earned_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `achievements_unique` ON `achievements` (`user_id`,`kind`,coalesce("event_id", ''),coalesce("cohort_id", ''));--> statement-breakpoint
CREATE TABLE `campaign_funds` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`event_id` text,
	`cohort_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_funds_unique` ON `campaign_funds` (`campaign_id`,coalesce("event_id", ''),coalesce("cohort_id", ''));--> statement-breakpoint
CREATE INDEX `campaign_funds_event_idx` ON `campaign_funds` (`event_id`);--> statement-breakpoint
CREATE INDEX `campaign_funds_cohort_idx` ON `campaign_funds` (`cohort_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`trigger` text NOT NULL,
	`subject_id` text NOT NULL,
	`months_after` integer NOT NULL,
	`due_at` integer NOT NULL,
	`token_hash` text,
	`sent_at` integer,
	`reminded_at` integer,
	`answered_at` integer,
	`outcome_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outcome_id`) REFERENCES `outcomes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_unique` ON `follow_ups` (`user_id`,`trigger`,`subject_id`,`months_after`);--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_token_unique` ON `follow_ups` (`token_hash`);--> statement-breakpoint
CREATE INDEX `follow_ups_due_idx` ON `follow_ups` (`answered_at`,`due_at`);--> statement-breakpoint
CREATE TABLE `impact_report_links` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `impact_report_links_token_unique` ON `impact_report_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `impact_report_links_subject_idx` ON `impact_report_links` (`kind`,`subject`);--> statement-breakpoint
CREATE TABLE `outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`employer` text DEFAULT '' NOT NULL,
	`sector` text DEFAULT '' NOT NULL,
	`hours` text,
	`started_on` text,
	`source` text NOT NULL,
	`recorded_by` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outcomes_user_idx` ON `outcomes` (`user_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `outcomes_kind_idx` ON `outcomes` (`kind`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `stories` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`may_quote` integer DEFAULT false NOT NULL,
	`by_name` integer DEFAULT false NOT NULL,
	`consented_at` integer,
	`withdrawn_at` integer,
	`featured_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stories_user_idx` ON `stories` (`user_id`);--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `follow_up_months` text DEFAULT '[3,6,12]' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `attendance_certificates` integer DEFAULT false NOT NULL;