CREATE TABLE `match_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`mentee_id` text NOT NULL,
	`mentor_id` text,
	`score` integer,
	`reasons` text DEFAULT '[]' NOT NULL,
	`mentorship_id` text,
	`outcome` text,
	FOREIGN KEY (`run_id`) REFERENCES `match_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_proposals_run_mentee_unique` ON `match_proposals` (`run_id`,`mentee_id`);--> statement-breakpoint
CREATE TABLE `match_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `mentee_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`target_roles` text DEFAULT '[]' NOT NULL,
	`industries` text DEFAULT '[]' NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`formats` text DEFAULT '[]' NOT NULL,
	`availability` text DEFAULT '[]' NOT NULL,
	`time_zone` text DEFAULT 'Africa/Lagos' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mentor_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`headline` text NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`industries` text DEFAULT '[]' NOT NULL,
	`skills` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`remote` integer DEFAULT true NOT NULL,
	`formats` text DEFAULT '[]' NOT NULL,
	`capacity` integer DEFAULT 2 NOT NULL,
	`availability` text DEFAULT '[]' NOT NULL,
	`time_zone` text DEFAULT 'Africa/Lagos' NOT NULL,
	`accepting` integer DEFAULT true NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reviewed_by` text,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "mentor_profiles_capacity" CHECK("mentor_profiles"."capacity" between 0 and 50)
);
--> statement-breakpoint
CREATE INDEX `mentor_profiles_status_idx` ON `mentor_profiles` (`status`);--> statement-breakpoint
CREATE TABLE `mentoring_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`mentorship_id` text NOT NULL,
	`proposed_by` text NOT NULL,
	`starts_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`format` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`responded_at` integer,
	`reminder_sent_at` integer,
	`mentor_outcome` text,
	`mentee_outcome` text,
	`mentee_rating` integer,
	`mentee_comment` text DEFAULT '' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mentoring_sessions_mentorship_idx` ON `mentoring_sessions` (`mentorship_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `mentoring_sessions_status_start_idx` ON `mentoring_sessions` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `mentorship_check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`mentorship_id` text NOT NULL,
	`user_id` text NOT NULL,
	`due_at` integer NOT NULL,
	`token_hash` text NOT NULL,
	`sent_at` integer,
	`rating` integer,
	`rated_at` integer,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentorship_check_ins_unique` ON `mentorship_check_ins` (`mentorship_id`,`user_id`,`due_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `mentorship_check_ins_token_unique` ON `mentorship_check_ins` (`token_hash`);--> statement-breakpoint
CREATE TABLE `mentorship_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`mentorship_id` text NOT NULL,
	`author_id` text NOT NULL,
	`visibility` text NOT NULL,
	`kind` text DEFAULT 'note' NOT NULL,
	`body` text NOT NULL,
	`done_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mentorship_notes_mentorship_idx` ON `mentorship_notes` (`mentorship_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `mentorships` (
	`id` text PRIMARY KEY NOT NULL,
	`mentor_id` text NOT NULL,
	`mentee_id` text NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`request_message` text DEFAULT '' NOT NULL,
	`match_run_id` text,
	`created_at` integer NOT NULL,
	`respond_by` integer,
	`responded_at` integer,
	`decline_reason` text DEFAULT '' NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`ended_by` text,
	`end_reason` text DEFAULT '' NOT NULL,
	`mentor_end_rating` integer,
	`mentee_end_rating` integer,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`match_run_id`) REFERENCES `match_runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `mentorships_mentor_idx` ON `mentorships` (`mentor_id`,`status`);--> statement-breakpoint
CREATE INDEX `mentorships_mentee_idx` ON `mentorships` (`mentee_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `mentorships_open_pair_unique` ON `mentorships` (`mentor_id`,`mentee_id`) WHERE status in ('proposed', 'active');--> statement-breakpoint
CREATE TABLE `shared_step_answers` (
	`mentorship_id` text NOT NULL,
	`member_id` text NOT NULL,
	`step_id` text NOT NULL,
	`shared_at` integer NOT NULL,
	PRIMARY KEY(`mentorship_id`, `member_id`, `step_id`),
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `cohort_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `curriculum_steps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `campaign_tiers` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`amount` integer NOT NULL,
	`interval` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "campaign_tiers_amount" CHECK("campaign_tiers"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `campaign_tiers_campaign_idx` ON `campaign_tiers` (`campaign_id`,`position`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`story` text DEFAULT '' NOT NULL,
	`goal_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`min_amount` integer NOT NULL,
	`max_amount` integer NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "campaigns_amounts" CHECK("campaigns"."goal_amount" > 0 and "campaigns"."min_amount" > 0 and "campaigns"."max_amount" >= "campaigns"."min_amount")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`);--> statement-breakpoint
CREATE TABLE `donations` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`tier_id` text,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`interval` text NOT NULL,
	`method` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`donor_name` text NOT NULL,
	`donor_email` text NOT NULL,
	`user_id` text,
	`recognition` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`reference` text,
	`checkout_session_id` text,
	`payment_intent_id` text,
	`subscription_id` text,
	`invoice_id` text,
	`customer_id` text,
	`parent_donation_id` text,
	`receipt_number` text,
	`receipt_token_hash` text,
	`paid_at` integer,
	`refunded_amount` integer DEFAULT 0 NOT NULL,
	`refunded_at` integer,
	`refund_reason` text DEFAULT '' NOT NULL,
	`failure_reason` text DEFAULT '' NOT NULL,
	`confirmed_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`tier_id`) REFERENCES `campaign_tiers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "donations_amount" CHECK("donations"."amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `donations_reference_unique` ON `donations` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `donations_checkout_session_unique` ON `donations` (`checkout_session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `donations_invoice_unique` ON `donations` (`invoice_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `donations_receipt_number_unique` ON `donations` (`receipt_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `donations_receipt_token_unique` ON `donations` (`receipt_token_hash`);--> statement-breakpoint
CREATE INDEX `donations_campaign_status_idx` ON `donations` (`campaign_id`,`status`);--> statement-breakpoint
CREATE INDEX `donations_email_idx` ON `donations` (lower("donor_email"));--> statement-breakpoint
CREATE INDEX `donations_user_idx` ON `donations` (`user_id`);--> statement-breakpoint
CREATE INDEX `donations_subscription_idx` ON `donations` (`subscription_id`);--> statement-breakpoint
CREATE INDEX `donations_payment_intent_idx` ON `donations` (`payment_intent_id`);--> statement-breakpoint
CREATE INDEX `donations_created_idx` ON `donations` (`created_at`);--> statement-breakpoint
CREATE TABLE `partner_enquiries` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_name` text NOT NULL,
	`contact_name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`stage` text DEFAULT 'new' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `partner_enquiries_stage_idx` ON `partner_enquiries` (`stage`,`created_at`);--> statement-breakpoint
CREATE TABLE `receipt_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recurring_gifts` (
	`subscription_id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`first_donation_id` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`first_donation_id`) REFERENCES `donations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recurring_gifts_customer_idx` ON `recurring_gifts` (`customer_id`);--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL
);
