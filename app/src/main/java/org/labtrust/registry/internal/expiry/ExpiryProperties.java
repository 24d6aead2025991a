package org.labtrust.registry.internal.expiry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code labtrust.registry.expiry.*}: the daily job that marks certificates expired and reminds
 * bodies to renew. Renewal must be filed at least 3 months before the end of validity
 * (../shared/domain/BRIEF.md 1.5), hence the reminders 6 and 3 months ahead.
 *
 * @param enabled whether this node runs the job (any number of nodes may; they never double-send)
 * @param cron when, in China time (Spring cron: second minute hour day month weekday)
 * @param startupDelay the job also runs once this long after start-up
 * @param reminderMonths how many months before the end of validity the early and the final reminder go out
 * @param batchSize certificates handled per transaction
 */
@ConfigurationProperties("labtrust.registry.expiry")
public record ExpiryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 1 * * *") String cron,
		@DefaultValue("1m") Duration startupDelay, @DefaultValue ReminderMonths reminderMonths,
		@DefaultValue("500") int batchSize) {

	public ExpiryProperties {
		if (batchSize < 1) {
			throw new IllegalArgumentException("labtrust.registry.expiry.batch-size must be positive");
		}
	}

	/**
	 * @param early the first reminder (default 6 months ahead)
	 * @param last the last reminder (default 3 months ahead: the last day to file a renewal)
	 */
	public record ReminderMonths(@DefaultValue("6") int early, @DefaultValue("3") int last) {

		public ReminderMonths {
			if (last < 0 || early <= last) {
				throw new IllegalArgumentException(
						"labtrust.registry.expiry.reminder-months: early must be more than last, last at least 0");
			}
		}
	}
}
