package org.labtrust.registry.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code labtrust.registry.*}.
 *
 * @param validityYears validity of a CMA certificate; 6 years under order 163 (BRIEF 1.5)
 */
@ConfigurationProperties("labtrust.registry")
public record RegistryProperties(@DefaultValue("6") int validityYears) {
}
