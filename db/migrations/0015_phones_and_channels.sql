CREATE TABLE `phone_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`phone` text NOT NULL,
	`user_id` text,
	`code_hash` text NOT NULL,
	`pending` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `phone_codes_phone_idx` ON `phone_codes` (`phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `phone_codes_user_idx` ON `phone_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `contact_book` (
	`user_id` text PRIMARY KEY NOT NULL,
	`email` text,
	`phone` text,
	`phone_verified_at` integer,
	`whatsapp_opt_in_at` integer,
	`preferred_channel` text,
	`channel_choices` text DEFAULT '{}' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_book_email_unique` ON `contact_book` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `contact_book_phone_unique` ON `contact_book` (`phone`);--> statement-breakpoint
CREATE TABLE `delivery_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` text NOT NULL,
	`provider` text NOT NULL,
	`provider_message_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`reported_at` integer NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delivery_reports_unique` ON `delivery_reports` (`provider`,`provider_message_id`,`status`);--> statement-breakpoint
CREATE INDEX `delivery_reports_outbox_idx` ON `delivery_reports` (`outbox_id`);--> statement-breakpoint
CREATE TABLE `short_links` (
	`code` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`outbox_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `short_links_outbox_idx` ON `short_links` (`outbox_id`);--> statement-breakpoint
CREATE TABLE `sms_opt_outs` (
	`phone` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`opted_out_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `broadcasts` (
	`id` text PRIMARY KEY NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`link` text DEFAULT '' NOT NULL,
	`audience` text NOT NULL,
	`audience_label` text NOT NULL,
	`status` text NOT NULL,
	`send_at` integer NOT NULL,
	`recipients` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `broadcasts_status_idx` ON `broadcasts` (`status`,`send_at`);--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `channels_enabled` text DEFAULT '["email"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `channel_defaults` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `sms_provider` text DEFAULT 'termii' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `sms_monthly_budget` integer DEFAULT 2000000 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `sms_segment_cost` integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `quiet_hours_start` integer DEFAULT 21 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `quiet_hours_end` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `user_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `channel` text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sent_to` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failed_channels` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `only_channel` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `provider` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `provider_message_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `delivery_status` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `delivery_status_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `segments` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `cost` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `about_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `broadcast_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `dedupe_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_provider_message_unique` ON `outbox` (`provider`,`provider_message_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_unique` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_broadcast_idx` ON `outbox` (`broadcast_id`);--> statement-breakpoint
CREATE INDEX `outbox_channel_sent_idx` ON `outbox` (`channel`,`sent_at`);--> statement-breakpoint
ALTER TABLE `mentorships` ADD `mentor_shares_whatsapp_at` integer;--> statement-breakpoint
ALTER TABLE `mentorships` ADD `mentee_shares_whatsapp_at` integer;