package org.labtrust.licensing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statutory time limits, in working days unless said otherwise (BRIEF 1.4, 1.7). The 2021
 * figures the brief marks uncertain ([U]) are the defaults here and are configuration, as it asks.
 *
 * @param acceptance to accept or send the one-time correction notice (5, unchanged since 2015)
 * @param assessment technical assessment (30 [U]; 45 in the 2015 text); not counted in the licensing period
 * @param rectification for the applicant to rectify nonconformities (30); unfixed items fail
 * @param decision after the assessment conclusion, or after acceptance under commitment (10 [U]; 20 in 2015)
 * @param issuance after the decision (7 [U]; 10 in 2015)
 * @param verificationMonths post-approval verification of a commitment, calendar months (3)
 */
@ConfigurationProperties("labtrust.licensing.time-limits")
public record TimeLimits(@DefaultValue("5") int acceptance, @DefaultValue("30") int assessment,
		@DefaultValue("30") int rectification, @DefaultValue("10") int decision, @DefaultValue("7") int issuance,
		@DefaultValue("3") int verificationMonths) {

	public static final TimeLimits DEFAULTS = new TimeLimits(5, 30, 30, 10, 7, 3);

	/** Working days allowed for a step (verification is in calendar months: {@link #verificationMonths}). */
	public int workingDays(Step step) {
		return switch (step) {
			case ACCEPTANCE -> acceptance;
			case ASSESSMENT -> assessment;
			case RECTIFICATION -> rectification;
			case DECISION -> decision;
			case ISSUANCE -> issuance;
			case VERIFICATION -> 0;
		};
	}
}
