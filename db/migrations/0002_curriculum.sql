CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text,
	`user_id` text,
	`recipient_name` text NOT NULL,
	`curriculum_title` text NOT NULL,
	`cohort_name` text NOT NULL,
	`organisation_name` text NOT NULL,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `cohort_members`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_member_unique` ON `certificates` (`member_id`);--> statement-breakpoint
CREATE TABLE `cohort_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`cohort_id` text NOT NULL,
	`email` text NOT NULL,
	`invited_by` text,
	`created_at` integer NOT NULL,
	`accepted_at` integer,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohort_invitations_unique` ON `cohort_invitations` (`cohort_id`,`email`);--> statement-breakpoint
CREATE TABLE `cohort_members` (
	`id` text PRIMARY KEY NOT NULL,
	`cohort_id` text NOT NULL,
	`user_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	`joined_via` text NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohort_members_unique` ON `cohort_members` (`cohort_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `cohort_members_user_idx` ON `cohort_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `cohorts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`curriculum_id` text NOT NULL,
	`start_date` text NOT NULL,
	`schedule` text NOT NULL,
	`facilitator_id` text,
	`capacity` integer NOT NULL,
	`nudge_after_days` integer,
	`join_code` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`curriculum_id`) REFERENCES `curricula`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`facilitator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "cohorts_capacity_positive" CHECK("cohorts"."capacity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohorts_join_code_unique` ON `cohorts` (`join_code`);--> statement-breakpoint
CREATE INDEX `cohorts_curriculum_idx` ON `cohorts` (`curriculum_id`);--> statement-breakpoint
CREATE TABLE `curricula` (
	`id` text PRIMARY KEY NOT NULL,
	`source_slug` text,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `curricula_source_slug_unique` ON `curricula` (`source_slug`);--> statement-breakpoint
CREATE TABLE `curriculum_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`curriculum_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`reading_minutes` integer DEFAULT 5 NOT NULL,
	`exercise` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`curriculum_id`) REFERENCES `curricula`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `curriculum_steps_position_unique` ON `curriculum_steps` (`curriculum_id`,`position`);--> statement-breakpoint
CREATE TABLE `exercise_answers` (
	`member_id` text NOT NULL,
	`step_id` text NOT NULL,
	`answer` text NOT NULL,
	`completed_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `step_id`),
	FOREIGN KEY (`member_id`) REFERENCES `cohort_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `curriculum_steps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `job_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`company` text NOT NULL,
	`role` text NOT NULL,
	`applied_on` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `job_applications_user_idx` ON `job_applications` (`user_id`,`applied_on`);--> statement-breakpoint
CREATE TABLE `step_nudges` (
	`member_id` text NOT NULL,
	`step_id` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `step_id`),
	FOREIGN KEY (`member_id`) REFERENCES `cohort_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `curriculum_steps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `step_releases` (
	`cohort_id` text NOT NULL,
	`step_id` text NOT NULL,
	`release_at` integer,
	`notified_at` integer,
	PRIMARY KEY(`cohort_id`, `step_id`),
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `curriculum_steps`(`id`) ON UPDATE no action ON DELETE cascade
);
