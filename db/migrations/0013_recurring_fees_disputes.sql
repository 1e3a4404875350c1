CREATE TABLE `payment_disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`donation_id` text NOT NULL,
	`provider` text NOT NULL,
	`provider_dispute_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`respond_by` integer,
	`opened_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`donation_id`) REFERENCES `donations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_disputes_provider_unique` ON `payment_disputes` (`provider`,`provider_dispute_id`);--> statement-breakpoint
CREATE INDEX `payment_disputes_donation_idx` ON `payment_disputes` (`donation_id`);--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `cover_fees_offered` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation_settings` ADD `fee_rates` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaign_tiers` ADD `benefit_description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaign_tiers` ADD `benefit_value` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `donations` ADD `covered_fee` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `recurring_gifts` ADD `provider` text DEFAULT 'stripe' NOT NULL;--> statement-breakpoint
ALTER TABLE `recurring_gifts` ADD `plan_code` text;--> statement-breakpoint
ALTER TABLE `recurring_gifts` ADD `email_token` text;