package org.labtrust.reports.internal.filing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.labtrust.registry.CertificateForFiling;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.shared.PostgresChannels;
import org.springframework.stereotype.Component;

/**
 * The registry facts filings are checked against, one entry per certificate, held in memory (a
 * filing batch names a handful of certificates thousands of times). A certificate's entry is
 * dropped on every node when its status or scope changes (the registry's NOTIFY), and after a
 * minute in any case.
 */
@Component
class CertificateRules {

	/** A certificate ready for checks: validity by date, and its valid scope rows by (parameter, method). */
	record Rules(CertificateForFiling certificate, TreeMap<java.time.Instant, CertificateStatus> statusSince,
			Map<String, Integer> validLines) {

		/** Why the certificate did not license reports on {@code day}, or null when it did. */
		String invalidOn(LocalDate day, ZoneId zone) {
			if (day.isBefore(certificate.issuedOn())) {
				return "CERTIFICATE_NOT_YET_ISSUED";
			}
			if (day.isAfter(certificate.validUntil())) {
				return "CERTIFICATE_EXPIRED";
			}
			// The status in force when the day began: a suspension takes effect from the day after.
			var before = statusSince.lowerEntry(day.atStartOfDay(zone).toInstant());
			CertificateStatus status = before == null ? CertificateStatus.VALID : before.getValue();
			return switch (status) {
				case VALID -> null;
				case SUSPENDED -> "CERTIFICATE_SUSPENDED";
				case REVOKED -> "CERTIFICATE_REVOKED";
				case CANCELLED -> "CERTIFICATE_CANCELLED";
				case EXPIRED -> "CERTIFICATE_EXPIRED";
			};
		}

		/** The first valid scope line for the parameter and canonical method code, or null. */
		Integer line(String parameter, String methodCode) {
			return validLines.get(key(parameter, methodCode));
		}
	}

	private final RegistryQueries registry;

	private final LoadingCache<String, Optional<Rules>> cache;

	CertificateRules(RegistryQueries registry, PostgresChannels channels) {
		this.registry = registry;
		this.cache = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(1)).build(this::load);
		channels.subscribe(RegistryQueries.CHANGES_CHANNEL, this::forget);
	}

	Optional<Rules> of(String certificateNumber) {
		return cache.get(certificateNumber);
	}

	void forget(String certificateNumber) {
		cache.invalidate(certificateNumber);
	}

	private Optional<Rules> load(String number) {
		return registry.certificateForFiling(number).map(certificate -> {
			TreeMap<java.time.Instant, CertificateStatus> statusSince = new TreeMap<>();
			certificate.statusHistory().forEach(change -> statusSince.put(change.since(), change.status()));
			Map<String, Integer> lines = new HashMap<>();
			for (CertificateForFiling.ScopeLine line : certificate.scope()) {
				if (line.status() == ScopeStatus.VALID) {
					lines.putIfAbsent(key(line.parameter(), line.methodCode()), line.lineNo());
				}
			}
			return new Rules(certificate, statusSince, lines);
		});
	}

	static String key(String parameter, String methodCode) {
		return parameter + "\u0000" + methodCode;
	}
}
