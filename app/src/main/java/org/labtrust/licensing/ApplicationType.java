package org.labtrust.licensing;

/** What a body applies for (BRIEF 1.5 to 1.8). */
public enum ApplicationType {

	/** First licence (首次申请). */
	FIRST_LICENCE,

	/** Renewal (延续), due at least 3 months before the certificate expires. */
	RENEWAL,

	/** Change (变更) of one of the items of BRIEF 1.6. */
	CHANGE,

	/** Adding test items (扩项): the full procedure again. */
	SCOPE_EXTENSION,

	/** Change of test site (检验检测场所变更). */
	SITE_CHANGE,

	/** Emergency scope extension, assessed remotely and first in the queue. */
	EMERGENCY_EXTENSION,

	/** Cancellation (注销) at the body's own request. */
	CANCELLATION
}
