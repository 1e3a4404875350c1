CREATE TABLE `bank_statements` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`layout` text NOT NULL,
	`imported_at` integer NOT NULL,
	`imported_by` text,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_statements_hash_unique` ON `bank_statements` (`file_hash`);--> statement-breakpoint
CREATE TABLE `provider_events` (
	`provider` text NOT NULL,
	`event_key` text NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `event_key`)
);
--> statement-breakpoint
CREATE TABLE `statement_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`statement_id` text NOT NULL,
	`line_key` text NOT NULL,
	`posted_on` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`narration` text NOT NULL,
	`status` text DEFAULT 'unmatched' NOT NULL,
	`donation_id` text,
	`matched_by` text,
	`confirmed_by` text,
	`confirmed_at` integer,
	FOREIGN KEY (`statement_id`) REFERENCES `bank_statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`donation_id`) REFERENCES `donations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statement_lines_key_unique` ON `statement_lines` (`line_key`);--> statement-breakpoint
CREATE INDEX `statement_lines_status_idx` ON `statement_lines` (`status`,`posted_on`);--> statement-breakpoint
CREATE INDEX `statement_lines_donation_idx` ON `statement_lines` (`donation_id`);--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `legal_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `registration_number` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `postal_address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `receipt_tax_wording` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `stripe_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `paystack_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `bank_transfer_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `donations` ADD `provider` text;--> statement-breakpoint
ALTER TABLE `donations` ADD `provider_reference` text;--> statement-breakpoint
ALTER TABLE `donations` ADD `received_amount` integer;--> statement-breakpoint
ALTER TABLE `donations` ADD `gift_description` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `donations_provider_reference_unique` ON `donations` (`provider_reference`);