package org.labtrust.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock the domain reads; tests replace it. China keeps one time zone. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(CHINA);
	}
}
