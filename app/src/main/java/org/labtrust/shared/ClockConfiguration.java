package org.labtrust.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock the domain reads; tests replace it. China keeps one time zone. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.system(ChinaTime.ZONE);
	}
}
