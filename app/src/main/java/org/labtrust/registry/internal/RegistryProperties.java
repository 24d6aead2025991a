package org.labtrust.registry.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code labtrust.registry.*}.
 *
 * @param validityYears validity of a CMA certificate; 6 years under order 163 (BRIEF 1.5)
 * @param cache the in-memory cache of public answers
 */
@ConfigurationProperties("labtrust.registry")
public record RegistryProperties(@DefaultValue("6") int validityYears, @DefaultValue Cache cache) {

	/**
	 * Public search and certificate answers are kept, serialized, until a registry change
	 * invalidates them (at once on the node that made it) or their time to live passes, which
	 * bounds staleness on the other nodes when several serve, since each holds its own cache.
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("512") int maxMegabytes,
			@DefaultValue("5m") Duration searchTtl, @DefaultValue("1m") Duration certificateTtl) {
	}
}
