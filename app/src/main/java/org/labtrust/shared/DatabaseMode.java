package org.labtrust.shared;

/** Whether the database is the bundled embedded server (demo data loads by default) or an operator's server. */
public enum DatabaseMode {
	EMBEDDED, EXTERNAL;

	/**
	 * Whether demo data belongs on this database under {@code labtrust.demo.load}: AUTO (the
	 * default) only on the embedded one, ALWAYS also on an external one, NEVER.
	 */
	public boolean demoData(String load) {
		return switch (load.toUpperCase()) {
			case "ALWAYS" -> true;
			case "NEVER" -> false;
			default -> this == EMBEDDED;
		};
	}
}
