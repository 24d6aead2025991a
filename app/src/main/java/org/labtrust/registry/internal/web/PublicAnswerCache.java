package org.labtrust.registry.internal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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
 * Serialized, gzip-compressed answers to public searches and certificate lookups, the registry's
 * hottest reads. The registry changes a few times a day and is read millions of times, so an
 * answer is kept until a change could alter it: any change empties the search answers (a status
 * change moves bodies between facets), a certificate's change drops that certificate's answers.
 * Invalidation runs right after the change commits; the TTL bounds staleness on other nodes.
 * Compressed, the national registry's certificates (about 54,000, 4 KB each) fit in memory, and
 * clients that accept gzip get the stored bytes as they are.
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

	/** Serialized JSON, gzip-compressed when it comes from the cache. */
	record Answer(byte[] bytes, boolean gzipped) {

		byte[] plain() {
			return gzipped ? gunzip(bytes) : bytes;
		}
	}

	Answer search(Object key, Supplier<byte[]> compute) {
		return enabled ? new Answer(searches.get(key, k -> gzip(compute.get())), true) : new Answer(compute.get(), false);
	}

	Answer certificate(String number, String language, Supplier<byte[]> compute) {
		return enabled ? new Answer(certificates.get(number + '|' + language, k -> gzip(compute.get())), true)
				: new Answer(compute.get(), false);
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

	static byte[] gzip(byte[] plain) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(plain);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static byte[] gunzip(byte[] compressed) {
		try (GZIPInputStream zip = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
			return zip.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
