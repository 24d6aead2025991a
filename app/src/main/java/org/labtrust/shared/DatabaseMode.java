package org.labtrust.shared;

/** Whether the database is the bundled embedded server (demo data loads by default) or an operator's server. */
public enum DatabaseMode {
	EMBEDDED, EXTERNAL
}
