package org.labtrust.registry.internal.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.labtrust.registry.BodySearchQuery;
import org.labtrust.registry.CertificateStatusChanged;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.CertificateChanged;
import org.labtrust.registry.RegistryLoaded;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.ScopeRowStatusChanged;
import org.labtrust.registry.internal.RegistryProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialized, gzip-compressed answers to public searches and certificate lookups, the registry's
 * hottest reads. The registry changes a few times a day and is read millions of times, so an
 * answer is kept until a change could alter it: any change empties the search answers (a status
 * change moves bodies between facets), a certificate's change drops that certificate's answers.
 * Invalidation runs right after the change commits, and other nodes hear of it through
 * {@link RegistryChangeBroadcast}. As a safety net for a missed notice, an answer older than its
 * refresh interval is reloaded in the background while the old one is still served.
 * Compressed, all of the national registry's certificates (about 54,000, 5 KB each) fit in
 * memory, and clients that accept gzip get the stored bytes as they are.
 */
@Component
class PublicAnswerCache {

	/** A search answer is identified by the validated query and the language of its labels. */
	record SearchKey(BodySearchQuery query, String language) {
	}

	/** Serialized JSON, gzip-compressed when it comes from the cache. */
	record Answer(byte[] bytes, boolean gzipped) {
	}

	private final boolean enabled;

	private final RegistryQueries queries;

	private final JsonMapper json;

	private final LoadingCache<SearchKey, byte[]> searches;

	private final LoadingCache<String, byte[]> certificates;

	PublicAnswerCache(RegistryProperties properties, RegistryQueries queries, JsonMapper json, MeterRegistry meters) {
		RegistryProperties.Cache config = properties.cache();
		this.enabled = config.enabled();
		this.queries = queries;
		this.json = json;
		long bytes = config.maxMegabytes() * 1024L * 1024L;
		this.searches = Caffeine.newBuilder()
			.maximumWeight(bytes / 4)
			.weigher((SearchKey key, byte[] value) -> value.length)
			.refreshAfterWrite(config.searchTtl())
			.expireAfterWrite(config.searchTtl().multipliedBy(4))
			.recordStats()
			.build(key -> gzip(searchJson(key)));
		this.certificates = Caffeine.newBuilder()
			.maximumWeight(bytes - bytes / 4)
			.weigher((String key, byte[] value) -> value.length)
			.refreshAfterWrite(config.certificateTtl())
			.expireAfterWrite(config.certificateTtl().multipliedBy(4))
			.recordStats()
			.build(key -> gzip(certificateJson(key)));
		CaffeineCacheMetrics.monitor(meters, searches, "registry.search");
		CaffeineCacheMetrics.monitor(meters, certificates, "registry.certificate");
	}

	Answer search(BodySearchQuery query, String language) {
		SearchKey key = new SearchKey(query, language);
		return enabled ? new Answer(searches.get(key), true) : new Answer(searchJson(key), false);
	}

	Answer certificate(CmaNumber number, String language) {
		String key = number.value() + '|' + language;
		return enabled ? new Answer(certificates.get(key), true) : new Answer(certificateJson(key), false);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(CertificateStatusChanged event) {
		forget(event.number());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(ScopeRowStatusChanged event) {
		forget(event.certificateNumber());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(CertificateChanged event) {
		forget(event.number());
	}

	@EventListener
	void on(RegistryLoaded event) {
		searches.invalidateAll();
		certificates.invalidateAll();
	}

	/** Drops every answer that may show this certificate. */
	void forget(String number) {
		searches.invalidateAll();
		certificates.asMap().keySet().removeIf(key -> key.startsWith(number + '|'));
	}

	private byte[] searchJson(SearchKey key) {
		return json.writeValueAsBytes(queries.search(key.query(), Locale.forLanguageTag(key.language())));
	}

	private byte[] certificateJson(String key) {
		int bar = key.indexOf('|');
		CmaNumber number = CmaNumber.parse(key.substring(0, bar), queries.codes());
		return queries.certificateJson(number, Locale.forLanguageTag(key.substring(bar + 1)))
			.getBytes(StandardCharsets.UTF_8);
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

	/** A stream of the decompressed bytes. */
	static InputStream gunzipping(byte[] compressed) {
		try {
			return new GZIPInputStream(new ByteArrayInputStream(compressed), 8192);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
