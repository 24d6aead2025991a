package org.labtrust.registry;

/** One capability-scope row as published. */
public record ScopeRowView(long id, int lineNo, String fieldCode, String objectName, String parameterName,
		String methodCode, String methodTitle, String limitation, Long siteId, String siteName, ScopeStatus status) {
}
