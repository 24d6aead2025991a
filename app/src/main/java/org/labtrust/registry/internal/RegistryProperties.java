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
	 * invalidates them (on every node, through a PostgreSQL notice). The refresh intervals are a
	 * safety net for a missed notice: an older answer is reloaded in the background.
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("512") int maxMegabytes,
			@DefaultValue("10m") Duration searchTtl, @DefaultValue("10m") Duration certificateTtl) {
	}
}
