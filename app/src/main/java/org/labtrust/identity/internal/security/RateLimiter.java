package org.labtrust.identity.internal.security;

import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.labtrust.identity.internal.IdentityProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client address, per signed-in account, per API key and for sign-in attempts,
 * each refilled greedily over a minute (Bucket4j). Buckets live in this node's memory and are
 * forgotten after ten idle minutes; with several nodes behind a balancer each enforces its share.
 */
@Component
class RateLimiter {

	/** How long to wait before retrying, in whole seconds; 0 when the request may go on. */
	record Decision(boolean allowed, long retryAfterSeconds, long remaining) {
	}

	private final IdentityProperties.RateLimit settings;

	private final Set<String> exempt;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	RateLimiter(IdentityProperties properties) {
		this.settings = properties.rateLimit();
		this.exempt = Set.copyOf(settings.exempt());
	}

	Decision anonymous(String address) {
		return take("addr:" + address, address, settings.publicPerMinute());
	}

	Decision account(String accountId, String address) {
		return take("acct:" + accountId, address, settings.apiKeyPerMinute());
	}

	Decision apiKey(String keyId, Integer ownLimit, String address) {
		int limit = ownLimit != null ? ownLimit : settings.apiKeyPerMinute();
		return take("key:" + keyId + ":" + limit, null, limit); // a key's limit holds from any address
	}

	Decision login(String address) {
		return take("login:" + address, address, settings.loginPerMinute());
	}

	private Decision take(String key, String address, int perMinute) {
		if (!settings.enabled() || (address != null && exempt.contains(address))) {
			return new Decision(true, 0, perMinute);
		}
		Bucket bucket = buckets.get(key, k -> Bucket.builder()
			.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return new Decision(true, 0, probe.getRemainingTokens());
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		return new Decision(false, seconds, 0);
	}
}
