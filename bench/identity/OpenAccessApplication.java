package org.labtrust.bench;

import java.util.Set;

import jakarta.servlet.Filter;
import org.labtrust.LabtrustApplication;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.ActorAuthentication;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The baseline of bench/identity: the same application with authentication, authorization, rate
 * limits and the audit trail taken out. A filter chain ahead of the real one lets every request
 * through as a fixed partner actor (no key lookup, no rule, no bucket), and the audit trail
 * records nothing. Compiled against the built jar by run.sh; never part of the application.
 */
public final class OpenAccessApplication {

	private OpenAccessApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.run(new Class<?>[] { LabtrustApplication.class, Overrides.class }, args);
	}

	@Configuration(proxyBeanMethods = false)
	static class Overrides {

		static final Actor PARTNER = new Actor(Actor.Kind.API_KEY, "key:bench", "bench", Set.of(Role.PARTNER_SYSTEM),
				Set.of(Permission.REGISTRY_CROSS_CHECK), Jurisdiction.NATIONAL, null);

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SecurityFilterChain openChain(HttpSecurity http) throws Exception {
			Filter fixedActor = (request, response, chain) -> {
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new ActorAuthentication(PARTNER));
				SecurityContextHolder.setContext(context);
				try {
					chain.doFilter(request, response);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			};
			return http.securityMatcher("/**")
				.authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
				.csrf(AbstractHttpConfigurer::disable)
				.headers(AbstractHttpConfigurer::disable)
				.addFilterAfter(fixedActor, SecurityContextHolderFilter.class)
				.build();
		}

		@Bean
		@Primary
		AuditTrail noAuditTrail() {
			return new AuditTrail() {
				@Override
				public void record(Entry entry) {
				}

				@Override
				public void recordAttempt(Actor actor, Entry entry, String outcome) {
				}
			};
		}
	}
}
