package org.labtrust.licensing.internal;

import org.labtrust.licensing.StatutoryClock;
import org.labtrust.licensing.TimeLimits;
import org.labtrust.shared.calendar.WorkingDayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LicensingConfiguration {

	@Bean
	StatutoryClock statutoryClock(WorkingDayCalendar calendar, TimeLimits limits) {
		return new StatutoryClock(calendar, limits);
	}
}
