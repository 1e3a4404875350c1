CREATE TABLE `consent_records` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`purpose` text NOT NULL,
	`granted` integer NOT NULL,
	`notice_version` integer NOT NULL,
	`source` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consent_records_user_idx` ON `consent_records` (`user_id`,`purpose`,`at`);--> statement-breakpoint
CREATE TABLE `guardian_consents` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`requested_email` text NOT NULL,
	`token_hash` text NOT NULL,
	`requested_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`guardian_name` text,
	`guardian_email` text,
	`guardian_phone` text,
	`relationship` text,
	`agreed_uses` text,
	`method` text,
	`recorded_by` text,
	`given_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guardian_consents_token_unique` ON `guardian_consents` (`token_hash`);--> statement-breakpoint
CREATE INDEX `guardian_consents_user_idx` ON `guardian_consents` (`user_id`);--> statement-breakpoint
CREATE TABLE `breaches` (
	`id` text PRIMARY KEY NOT NULL,
	`summary` text NOT NULL,
	`found_at` integer NOT NULL,
	`occurred_at` integer,
	`affected` text DEFAULT '' NOT NULL,
	`affected_count` integer,
	`notify_by` integer NOT NULL,
	`regulator_notified_at` integer,
	`people_notified_at` integer,
	`actions` text DEFAULT '' NOT NULL,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `breaches_found_idx` ON `breaches` (`found_at`);--> statement-breakpoint
CREATE TABLE `data_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`status` text DEFAULT 'building' NOT NULL,
	`zip` blob,
	`requested_at` integer NOT NULL,
	`ready_at` integer,
	`expires_at` integer NOT NULL,
	`downloaded_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_exports_token_unique` ON `data_exports` (`token_hash`);--> statement-breakpoint
CREATE INDEX `data_exports_user_idx` ON `data_exports` (`user_id`);--> statement-breakpoint
CREATE TABLE `data_subject_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`kind` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`requester_name` text DEFAULT '' NOT NULL,
	`requester_contact` text DEFAULT '' NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`received_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`erase_at` integer,
	`recorded_by` text,
	`closed_at` integer,
	`closed_by` text,
	`outcome` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `data_subject_requests_status_idx` ON `data_subject_requests` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `data_subject_requests_user_idx` ON `data_subject_requests` (`user_id`);--> statement-breakpoint
CREATE TABLE `retention_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`removed` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `users` ADD `birth_date` text;--> statement-breakpoint
ALTER TABLE `users` ADD `guardian_consent` text DEFAULT 'not_needed' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_login_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `adult_age` integer DEFAULT 18 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `under_16_allowed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `erasure_cooling_off_days` integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `financial_record_years` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `inactive_account_years` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `past_registration_months` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `outbox_body_days` integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `audit_entry_years` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `session_record_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `data_protection_contact` text DEFAULT '' NOT NULL;