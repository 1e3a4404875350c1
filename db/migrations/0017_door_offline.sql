CREATE TABLE `door_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text,
	`event_id` text,
	`token_hash` text NOT NULL,
	`invited_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_by` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `door_invitations_token_unique` ON `door_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `door_invitations_event_idx` ON `door_invitations` (`event_id`);--> statement-breakpoint
ALTER TABLE `event_questions` ADD `at_door` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `walk_ins_over_capacity` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `walk_in_key` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `walk_in_by` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_event_walk_in_unique` ON `registrations` (`event_id`,`walk_in_key`);