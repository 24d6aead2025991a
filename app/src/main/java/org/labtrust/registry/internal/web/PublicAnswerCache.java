package org.labtrust.registry.internal.web;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.labtrust.registry.CertificateStatusChanged;
import org.labtrust.registry.RegistryLoaded;
import org.labtrust.registry.ScopeRowStatusChanged;
import org.labtrust.registry.internal.RegistryProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Serialized answers to public searches and certificate lookups, the registry's hottest reads.
 * The registry changes a few times a day and is read millions of times, so an answer is kept
 * until a change could alter it: any change empties the search answers (a status change moves
 * bodies between facets), a certificate's change drops that certificate's answers. Invalidation
 * runs right after the change commits; the TTL bounds staleness on other nodes.
 */
@Component
class PublicAnswerCache {

	private final boolean enabled;

	private final Cache<Object, byte[]> searches;

	private final Cache<String, byte[]> certificates;

	PublicAnswerCache(RegistryProperties properties, MeterRegistry meters) {
		RegistryProperties.Cache config = properties.cache();
		this.enabled = config.enabled();
		long half = config.maxMegabytes() * 1024L * 1024L / 2;
		this.searches = Caffeine.newBuilder()
			.maximumWeight(half)
			.weigher((Object key, byte[] value) -> value.length)
			.expireAfterWrite(config.searchTtl())
			.recordStats()
			.build();
		this.certificates = Caffeine.newBuilder()
			.maximumWeight(half)
			.weigher((String key, byte[] value) -> value.length)
			.expireAfterWrite(config.certificateTtl())
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, searches, "registry.search");
		CaffeineCacheMetrics.monitor(meters, certificates, "registry.certificate");
	}

	byte[] search(Object key, Supplier<byte[]> compute) {
		return enabled ? searches.get(key, k -> compute.get()) : compute.get();
	}

	/** {@code key} must start with the certificate number. */
	byte[] certificate(String number, String language, Supplier<byte[]> compute) {
		return enabled ? certificates.get(number + '|' + language, k -> compute.get()) : compute.get();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(CertificateStatusChanged event) {
		forget(event.number());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(ScopeRowStatusChanged event) {
		forget(event.certificateNumber());
	}

	@EventListener
	void on(RegistryLoaded event) {
		searches.invalidateAll();
		certificates.invalidateAll();
	}

	private void forget(String number) {
		searches.invalidateAll();
		certificates.asMap().keySet().removeIf(key -> key.startsWith(number + '|'));
	}
}
