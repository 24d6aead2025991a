package org.labtrust.reports.internal.log;

import java.time.LocalDate;

/** What a body asks the log to record, after the registry checks passed. */
public sealed interface LogItem permits LogItem.File, LogItem.Revoke {

	long bodyId();

	String reportNumber();

	/** A new report; {@code replaces} is the body's report number it corrects, or null. */
	record File(long bodyId, String reportNumber, String certificateNumber, LocalDate issuedOn, byte[] digest,
			int[] scopeLines, String replaces) implements LogItem {
	}

	/** Withdraw a report the body filed. */
	record Revoke(long bodyId, String reportNumber, RevocationReason reason) implements LogItem {
	}

	/** The log's answer for one item. */
	record Outcome(Status status, long entryIndex, String code) {

		public enum Status {
			ACCEPTED, DUPLICATE, REJECTED
		}

		static Outcome accepted(long index) {
			return new Outcome(Status.ACCEPTED, index, null);
		}

		static Outcome duplicate(long index) {
			return new Outcome(Status.DUPLICATE, index, null);
		}

		static Outcome rejected(String code) {
			return new Outcome(Status.REJECTED, -1, code);
		}
	}
}
