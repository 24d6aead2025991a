package org.labtrust.registry.internal.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code labtrust.demo.*}: whether to fill an empty registry with generated data at start-up.
 *
 * @param load AUTO loads only on the embedded database; ALWAYS also on an external one; NEVER
 * @param scale SMALL, DEFAULT or NATIONAL
 * @param seed the same seed always generates the same registry
 */
@ConfigurationProperties("labtrust.demo")
record DemoProperties(@DefaultValue("AUTO") Load load, @DefaultValue("DEFAULT") DemoScale scale,
		@DefaultValue("20261127") long seed) {

	enum Load {
		AUTO, ALWAYS, NEVER
	}
}
