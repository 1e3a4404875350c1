CREATE INDEX `donations_wall_idx` ON `donations` (`campaign_id`,`status`,`paid_at`,`id`);--> statement-breakpoint
CREATE INDEX `donations_paid_idx` ON `donations` (`status`,`paid_at`,`id`);