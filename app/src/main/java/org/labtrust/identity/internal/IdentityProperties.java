package org.labtrust.identity.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of identity and access ({@code labtrust.identity.*}).
 *
 * @param lockout when repeated wrong passwords lock an account
 * @param apiKeys validity of API keys
 * @param bootstrapAdmin the first national administrator, created at start-up when no
 *     administrator exists (for an external database; demo mode creates its own accounts)
 * @param oidc claim names used when an OIDC issuer is configured
 * @param rateLimit request limits
 */
@ConfigurationProperties("labtrust.identity")
public record IdentityProperties(@DefaultValue Lockout lockout, @DefaultValue ApiKeys apiKeys,
		@DefaultValue BootstrapAdmin bootstrapAdmin, @DefaultValue Oidc oidc, @DefaultValue RateLimit rateLimit) {

	/** Lock after {@code threshold} consecutive failures, for base × 2^(failures − threshold), at most max. */
	public record Lockout(@DefaultValue("5") int threshold, @DefaultValue("1m") Duration base,
			@DefaultValue("1h") Duration max) {
	}

	public record ApiKeys(@DefaultValue("365d") Duration defaultValidity, @DefaultValue("730d") Duration maxValidity) {
	}

	public record BootstrapAdmin(String username, String password) {
	}

	/**
	 * How OIDC claims map to roles and jurisdiction: {@code rolesClaim} holds role names (e.g.
	 * DECISION_OFFICER), {@code jurisdictionClaim} a CMA authority code, {@code bodyClaim} a body's
	 * credit code. A user whose claims give no known role is refused.
	 */
	public record Oidc(@DefaultValue("labtrust_roles") String rolesClaim,
			@DefaultValue("labtrust_jurisdiction") String jurisdictionClaim,
			@DefaultValue("labtrust_body") String bodyClaim) {
	}

	/**
	 * Token buckets, refilled per minute: {@code publicPerMinute} per client address for requests
	 * without a key, {@code apiKeyPerMinute} per API key (a key may carry its own),
	 * {@code loginPerMinute} login attempts per client address. Addresses in {@code exempt} (a
	 * monitoring probe, the load balancer's health check) are not limited.
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("600") int publicPerMinute,
			@DefaultValue("6000") int apiKeyPerMinute, @DefaultValue("20") int loginPerMinute,
			@DefaultValue List<String> exempt) {
	}
}
