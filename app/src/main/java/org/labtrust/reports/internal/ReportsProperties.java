package org.labtrust.reports.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the report registry under {@code labtrust.reports}.
 *
 * @param origin the log's name: checkpoint origin line and signing key name (the log's URL prefix
 * without scheme, by C2SP convention)
 * @param signingKey PEM file with the log's Ed25519 private and public key; generated on first
 * start only on the embedded (demo and test) database
 * @param checkpointInterval how often a new checkpoint is signed when the tree grew
 * @param maxBatchFilings filings (or revocations) per request
 * @param maxBatchBytes request body size
 * @param maxReportAge oldest issue date accepted for a new filing
 */
@ConfigurationProperties("labtrust.reports")
public record ReportsProperties(@DefaultValue("labtrust.example/reports") String origin, Path signingKey,
		@DefaultValue("500ms") Duration checkpointInterval, @DefaultValue("10000") int maxBatchFilings,
		@DefaultValue("16MB") DataSize maxBatchBytes, @DefaultValue("3650d") Duration maxReportAge) {
}
