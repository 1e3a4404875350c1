CREATE TABLE `email_preferences` (
	`address` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`turned_off` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_preferences_token_unique` ON `email_preferences` (`token`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `skipped_reason` text;