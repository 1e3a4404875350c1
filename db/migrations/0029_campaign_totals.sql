CREATE TABLE `campaign_totals` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`raised` integer DEFAULT 0 NOT NULL,
	`gifts` integer DEFAULT 0 NOT NULL,
	`listed` integer DEFAULT 0 NOT NULL,
	`donors` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `donations_campaign_progress_idx`;--> statement-breakpoint
CREATE INDEX `donations_campaign_donor_idx` ON `donations` (`campaign_id`,`status`,lower("donor_email"));
--> statement-breakpoint
INSERT INTO `campaign_totals` (`campaign_id`, `raised`, `gifts`, `listed`, `donors`)
SELECT `campaign_id`, sum(coalesce(`received_amount`, `amount`) - `refunded_amount`), count(*),
  sum(`recognition` <> 'unlisted' AND `parent_donation_id` IS NULL),
  count(DISTINCT CASE WHEN lower(`donor_email`) = '' THEN 'gift:' || `id` ELSE lower(`donor_email`) END)
FROM `donations` WHERE `status` = 'paid' GROUP BY `campaign_id`;
--> statement-breakpoint
INSERT INTO `running_totals` (`name`, `value`)
SELECT 'wall_donors:' || d.`currency`, count(DISTINCT CASE WHEN lower(d.`donor_email`) = '' THEN 'gift:' || d.`id` ELSE lower(d.`donor_email`) END)
FROM `donations` d JOIN `campaigns` c ON c.`id` = d.`campaign_id` WHERE d.`status` = 'paid' AND c.`status` <> 'draft' GROUP BY d.`currency`;
--> statement-breakpoint
CREATE TRIGGER `donations_totals_insert` AFTER INSERT ON `donations` WHEN NEW.`status` = 'paid' BEGIN
  INSERT INTO `campaign_totals` (`campaign_id`, `raised`, `gifts`, `listed`, `donors`)
  VALUES (NEW.`campaign_id`, (coalesce(NEW.`received_amount`, NEW.`amount`) - NEW.`refunded_amount`), 1, (NEW.`recognition` <> 'unlisted' AND NEW.`parent_donation_id` IS NULL), (lower(NEW.`donor_email`) = '' OR NOT EXISTS (SELECT 1 FROM `donations` d WHERE d.`campaign_id` = NEW.`campaign_id` AND d.`status` = 'paid' AND lower(d.`donor_email`) = lower(NEW.`donor_email`) AND d.`id` <> NEW.`id`)))
  ON CONFLICT (`campaign_id`) DO UPDATE SET `raised` = `raised` + excluded.`raised`, `gifts` = `gifts` + excluded.`gifts`, `listed` = `listed` + excluded.`listed`, `donors` = `donors` + excluded.`donors`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('wall_donors:' || NEW.`currency`, ((SELECT `status` FROM `campaigns` WHERE `id` = NEW.`campaign_id`) <> 'draft' AND (lower(NEW.`donor_email`) = '' OR NOT EXISTS (SELECT 1 FROM `donations` d JOIN `campaigns` c ON c.`id` = d.`campaign_id` WHERE lower(d.`donor_email`) = lower(NEW.`donor_email`) AND d.`currency` = NEW.`currency` AND d.`status` = 'paid' AND c.`status` <> 'draft' AND d.`id` <> NEW.`id`))))
  ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `donations_totals_delete` AFTER DELETE ON `donations` WHEN OLD.`status` = 'paid' BEGIN
  INSERT INTO `campaign_totals` (`campaign_id`, `raised`, `gifts`, `listed`, `donors`)
  VALUES (OLD.`campaign_id`, -(coalesce(OLD.`received_amount`, OLD.`amount`) - OLD.`refunded_amount`), -1, -(OLD.`recognition` <> 'unlisted' AND OLD.`parent_donation_id` IS NULL), -(lower(OLD.`donor_email`) = '' OR NOT EXISTS (SELECT 1 FROM `donations` d WHERE d.`campaign_id` = OLD.`campaign_id` AND d.`status` = 'paid' AND lower(d.`donor_email`) = lower(OLD.`donor_email`) AND d.`id` <> OLD.`id`)))
  ON CONFLICT (`campaign_id`) DO UPDATE SET `raised` = `raised` + excluded.`raised`, `gifts` = `gifts` + excluded.`gifts`, `listed` = `listed` + excluded.`listed`, `donors` = `donors` + excluded.`donors`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('wall_donors:' || OLD.`currency`, -((SELECT `status` FROM `campaigns` WHERE `id` = OLD.`campaign_id`) <> 'draft' AND (lower(OLD.`donor_email`) = '' OR NOT EXISTS (SELECT 1 FROM `donations` d JOIN `campaigns` c ON c.`id` = d.`campaign_id` WHERE lower(d.`donor_email`) = lower(OLD.`donor_email`) AND d.`currency` = OLD.`currency` AND d.`status` = 'paid' AND c.`status` <> 'draft' AND d.`id` <> OLD.`id`))))
  ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `donations_totals_update` AFTER UPDATE OF `status`, `amount`, `received_amount`, `refunded_amount`, `donor_email`, `recognition`, `parent_donation_id`, `campaign_id`, `currency` ON `donations` WHEN OLD.`status` = 'paid' OR NEW.`status` = 'paid' BEGIN
  INSERT INTO `campaign_totals` (`campaign_id`, `raised`, `gifts`, `listed`, `donors`)
  VALUES (OLD.`campaign_id`, -(OLD.`status` = 'paid') * (coalesce(OLD.`received_amount`, OLD.`amount`) - OLD.`refunded_amount`), -(OLD.`status` = 'paid') * 1, -(OLD.`status` = 'paid') * (OLD.`recognition` <> 'unlisted' AND OLD.`parent_donation_id` IS NULL), -(OLD.`status` = 'paid') * (lower(OLD.`donor_email`) = '' OR NOT EXISTS (SELECT 1 FROM `donations` d WHERE d.`campaign_id` = OLD.`campaign_id` AND d.`status` = 'paid' AND lower(d.`donor_email`) = lower(OLD.`donor_email`) AND d.`id` <> OLD.`id`)))
  ON CONFLICT (`campaign_id`) DO UPDATE SET `raised` = `raised` + excluded.`raised`, `gifts` = `gifts` + excluded.`gifts`, `listed` = `listed` + excluded.`listed`, `donors` = `donors` + excluded.`donors`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('wall_donors:' || OLD.`currency`, -(OLD.`status` = 'paid') * ((SELECT `status` FROM `campaigns` WHERE `id` = OLD.`campaign_id`) <> 'draft' AND (lower(OLD.`donor_email`) = '' OR NOT EXISTS (SELECT 1 FROM `donations` d JOIN `campaigns` c ON c.`id` = d.`campaign_id` WHERE lower(d.`donor_email`) = lower(OLD.`donor_email`) AND d.`currency` = OLD.`currency` AND d.`status` = 'paid' AND c.`status` <> 'draft' AND d.`id` <> OLD.`id`))))
  ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `campaign_totals` (`campaign_id`, `raised`, `gifts`, `listed`, `donors`)
  VALUES (NEW.`campaign_id`, (NEW.`status` = 'paid') * (coalesce(NEW.`received_amount`, NEW.`amount`) - NEW.`refunded_amount`), (NEW.`status` = 'paid') * 1, (NEW.`status` = 'paid') * (NEW.`recognition` <> 'unlisted' AND NEW.`parent_donation_id` IS NULL), (NEW.`status` = 'paid') * (lower(NEW.`donor_email`) = '' OR NOT EXISTS (SELECT 1 FROM `donations` d WHERE d.`campaign_id` = NEW.`campaign_id` AND d.`status` = 'paid' AND lower(d.`donor_email`) = lower(NEW.`donor_email`) AND d.`id` <> NEW.`id`)))
  ON CONFLICT (`campaign_id`) DO UPDATE SET `raised` = `raised` + excluded.`raised`, `gifts` = `gifts` + excluded.`gifts`, `listed` = `listed` + excluded.`listed`, `donors` = `donors` + excluded.`donors`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('wall_donors:' || NEW.`currency`, (NEW.`status` = 'paid') * ((SELECT `status` FROM `campaigns` WHERE `id` = NEW.`campaign_id`) <> 'draft' AND (lower(NEW.`donor_email`) = '' OR NOT EXISTS (SELECT 1 FROM `donations` d JOIN `campaigns` c ON c.`id` = d.`campaign_id` WHERE lower(d.`donor_email`) = lower(NEW.`donor_email`) AND d.`currency` = NEW.`currency` AND d.`status` = 'paid' AND c.`status` <> 'draft' AND d.`id` <> NEW.`id`))))
  ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `campaigns_wall_donors` AFTER UPDATE OF `status` ON `campaigns` WHEN (OLD.`status` = 'draft') <> (NEW.`status` = 'draft') BEGIN
  INSERT INTO `running_totals` (`name`, `value`)
  SELECT 'wall_donors:' || d.`currency`, (CASE WHEN NEW.`status` = 'draft' THEN -1 ELSE 1 END) * count(DISTINCT CASE WHEN lower(d.`donor_email`) = '' THEN 'gift:' || d.`id` ELSE lower(d.`donor_email`) END)
  FROM `donations` d
  WHERE d.`campaign_id` = NEW.`id` AND d.`status` = 'paid' AND (lower(d.`donor_email`) = '' OR NOT EXISTS (
    SELECT 1 FROM `donations` o JOIN `campaigns` c ON c.`id` = o.`campaign_id`
    WHERE lower(o.`donor_email`) = lower(d.`donor_email`) AND o.`currency` = d.`currency` AND o.`status` = 'paid' AND c.`status` <> 'draft' AND c.`id` <> NEW.`id`))
  GROUP BY d.`currency`
  ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
