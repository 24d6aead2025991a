package org.labtrust.reports.internal.filing;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.StandardCode;
import org.labtrust.reports.internal.ReportsProperties;
import org.labtrust.reports.internal.log.LogEntry;
import org.labtrust.reports.internal.log.LogItem;
import org.labtrust.reports.internal.log.LogWriter;
import org.labtrust.reports.internal.log.RevocationReason;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Files reports and revocations for the acting body: checks each item against the registry, hands
 * the good ones to the log writer and answers every item in order. Refusals are kept per body.
 */
@Service
public class FilingService {

	public static final int MAX_REPORT_NUMBER_LENGTH = 64;

	/** The answer for one item. */
	public record ItemResult(String reportNumber, LogItem.Outcome.Status status, Long entryIndex,
			List<Problem> problems) {
	}

	/** One item after the checks: what to log, or why not. */
	private record Checked(String reportNumber, String certificate, LogItem item, List<Problem> problems) {
	}

	private final CertificateRules certificates;

	// A batch repeats the same few certificates, dates and methods thousands of times; parsing them
	// (regular expressions, code tables) costs more than the rest of the checks. Pure functions,
	// so their answers are kept.
	private final Cache<String, Optional<String>> certificateNumbers = Caffeine.newBuilder().maximumSize(10_000).build();

	private final Cache<String, Optional<LocalDate>> dates = Caffeine.newBuilder().maximumSize(10_000).build();

	private final Cache<String, String> methodCodes = Caffeine.newBuilder().maximumSize(10_000).build();

	private final RegistryQueries registry;

	private final LogWriter writer;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReportsProperties properties;

	private final MeterRegistry meters;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	FilingService(CertificateRules certificates, RegistryQueries registry, LogWriter writer, JdbcClient jdbc,
			Clock clock, ReportsProperties properties, MeterRegistry meters, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.certificates = certificates;
		this.registry = registry;
		this.writer = writer;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
	}

	/** Files a batch of reports (a JSON array of filings) for the actor's body. */
	public List<ItemResult> file(Actor actor, JsonNode filings) {
		long body = bodyOf(actor);
		List<Checked> checked = new ArrayList<>(filings.size());
		LocalDate today = LocalDate.now(clock);
		for (JsonNode filing : filings) {
			checked.add(checkFiling(body, filing, null, today));
		}
		return log(body, checked, "report.filing");
	}

	/** Revokes reports, or replaces them with corrected ones, for the actor's body. */
	public List<ItemResult> revoke(Actor actor, JsonNode revocations) {
		long body = bodyOf(actor);
		List<Checked> checked = new ArrayList<>(revocations.size());
		LocalDate today = LocalDate.now(clock);
		for (JsonNode revocation : revocations) {
			checked.add(checkRevocation(body, revocation, today));
		}
		return log(body, checked, "report.revocation");
	}

	private long bodyOf(Actor actor) {
		actor.require(Permission.REPORT_FILE);
		if (actor.bodyId() == null) {
			throw Actor.forbidden();
		}
		return actor.bodyId();
	}

	/**
	 * Logs the good items and answers all. The log itself records what was filed; the audit trail
	 * records who asked (person or key), once per request, with the counts and entry range.
	 */
	private List<ItemResult> log(long body, List<Checked> checked, String action) {
		List<LogItem> items = checked.stream().map(Checked::item).filter(item -> item != null).toList();
		List<LogItem.Outcome> outcomes = items.isEmpty() ? List.of() : await(writer.submit(items));
		List<ItemResult> results = new ArrayList<>(checked.size());
		List<Checked> refused = new ArrayList<>();
		int next = 0;
		for (Checked item : checked) {
			ItemResult result;
			if (item.item == null) {
				result = new ItemResult(item.reportNumber, LogItem.Outcome.Status.REJECTED, null, item.problems);
			}
			else {
				LogItem.Outcome outcome = outcomes.get(next++);
				result = outcome.status() == LogItem.Outcome.Status.REJECTED
						? new ItemResult(item.reportNumber, outcome.status(), null,
								List.of(new Problem(outcome.code(), item.reportNumber)))
						: new ItemResult(item.reportNumber, outcome.status(), outcome.entryIndex(), List.of());
			}
			if (result.status() == LogItem.Outcome.Status.REJECTED) {
				refused.add(new Checked(item.reportNumber, item.certificate, null, result.problems()));
			}
			results.add(result);
		}
		transaction.executeWithoutResult(status -> {
			keepRefusals(body, refused);
			audit.record(new AuditTrail.Entry(action, "body", Long.toString(body),
					registry.bodyAuthorities(body).stream().findFirst().orElse(null), summary(results)));
		});
		return results;
	}

	private static Map<String, String> summary(List<ItemResult> results) {
		Map<LogItem.Outcome.Status, Long> counts = new EnumMap<>(LogItem.Outcome.Status.class);
		long first = Long.MAX_VALUE;
		long last = -1;
		for (ItemResult result : results) {
			counts.merge(result.status(), 1L, Long::sum);
			if (result.status() == LogItem.Outcome.Status.ACCEPTED) {
				first = Math.min(first, result.entryIndex());
				last = Math.max(last, result.entryIndex());
			}
		}
		Map<String, String> detail = new LinkedHashMap<>();
		for (LogItem.Outcome.Status status : LogItem.Outcome.Status.values()) {
			detail.put(status.name().toLowerCase(Locale.ROOT), Long.toString(counts.getOrDefault(status, 0L)));
		}
		if (last >= 0) {
			detail.put("entries", first + "-" + last);
		}
		return detail;
	}

	/** How long a request waits for its round before it gives up. */
	private static final long WAIT_SECONDS = 60;

	/**
	 * The writer's answer. A request still queued after the wait is withdrawn, so that "not
	 * recorded" is true; one the writer has begun is recorded or fails whole, so it is waited for.
	 */
	private List<LogItem.Outcome> await(CompletableFuture<List<LogItem.Outcome>> answer) {
		try {
			try {
				return answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
			}
			catch (TimeoutException e) {
				if (writer.withdraw(answer)) {
					throw unavailable();
				}
				return answer.get(5, TimeUnit.MINUTES);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw outcomeUnknown();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof LogWriter.CommitUnknown) {
				throw outcomeUnknown();
			}
			throw unavailable(); // the round rolled back: nothing of it was recorded
		}
		catch (TimeoutException e) {
			throw outcomeUnknown();
		}
	}

	private static DomainException unavailable() {
		return new DomainException("LOG_UNAVAILABLE", 503,
				"The report log could not record the batch; nothing of it was recorded. Retry later.");
	}

	private static DomainException outcomeUnknown() {
		return new DomainException("LOG_OUTCOME_UNKNOWN", 503,
				"The report log did not confirm the batch in time; it may still be recorded. Retry: recorded filings answer DUPLICATE.");
	}

	/** Refusals are counted per body and code for supervision; their first problem is kept. */
	private void keepRefusals(long body, List<Checked> refused) {
		if (refused.isEmpty()) {
			return;
		}
		var now = SqlTime.utc(clock.instant());
		for (Checked item : refused) {
			meters.counter("labtrust.reports.rejected", "code", item.problems.get(0).code()).increment();
		}
		jdbc.sql("""
				insert into report_rejection (body_id, rejected_at, report_number, certificate, code)
				select ?, ?, n, c, k from unnest(?::text[], ?::text[], ?::text[]) as r(n, c, k)""")
			.params(body, now,
					refused.stream().map(c -> c.reportNumber == null ? "" : c.reportNumber).toArray(String[]::new),
					refused.stream().map(Checked::certificate).toArray(String[]::new),
					refused.stream().map(c -> c.problems.get(0).code()).toArray(String[]::new))
			.update();
	}

	private Checked checkRevocation(long body, JsonNode revocation, LocalDate today) {
		String number = text(revocation, "reportNumber");
		List<Problem> problems = new ArrayList<>();
		checkReportNumber(number, problems);
		JsonNode replacement = revocation.get("replacement");
		if (replacement != null && !replacement.isNull()) {
			if (!replacement.isObject()) {
				problems.add(new Problem("REPLACEMENT_INVALID"));
				return new Checked(number, null, null, problems);
			}
			Checked corrected = checkFiling(body, replacement, problems.isEmpty() ? number : null, today);
			problems.addAll(corrected.problems);
			return new Checked(number, corrected.certificate, problems.isEmpty() ? corrected.item : null, problems);
		}
		RevocationReason reason = null;
		String rawReason = text(revocation, "reason");
		try {
			reason = rawReason == null ? null : RevocationReason.valueOf(rawReason);
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (reason == null) {
			problems.add(new Problem("REVOCATION_REASON_INVALID", rawReason == null ? "" : rawReason));
		}
		return new Checked(number, null, problems.isEmpty() ? new LogItem.Revoke(body, number, reason) : null, problems);
	}

	private Checked checkFiling(long body, JsonNode filing, String replaces, LocalDate today) {
		List<Problem> problems = new ArrayList<>();
		if (!filing.isObject()) {
			problems.add(new Problem("FILING_INVALID"));
			return new Checked(null, null, null, problems);
		}
		String number = text(filing, "reportNumber");
		checkReportNumber(number, problems);
		LocalDate issuedOn = issuedOn(text(filing, "issuedOn"), today, problems);
		byte[] digest = digest(text(filing, "digest"), problems);
		String certificate = certificateNumber(text(filing, "certificateNumber"), problems);
		Optional<CertificateRules.Rules> rules = Optional.empty();
		if (certificate != null) {
			rules = certificates.of(certificate);
			if (rules.isEmpty()) {
				problems.add(new Problem("CERT_NOT_FOUND", certificate));
			}
			else if (rules.get().certificate().bodyId() != body) {
				problems.add(new Problem("CERTIFICATE_NOT_OWNED", certificate));
				rules = Optional.empty();
			}
			else if (issuedOn != null) {
				String invalid = rules.get().invalidOn(issuedOn, clock.getZone());
				if (invalid != null) {
					problems.add(new Problem(invalid, certificate, issuedOn.toString()));
				}
			}
		}
		int[] lines = scope(filing.get("scope"), rules.orElse(null), problems);
		if (!problems.isEmpty()) {
			return new Checked(number, certificate, null, problems);
		}
		return new Checked(number, certificate,
				new LogItem.File(body, number, certificate, issuedOn, digest, lines, replaces), problems);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	/** 1 to 64 characters, NFC, no control or format characters, no space at either end. */
	public static void checkReportNumber(String number, List<Problem> problems) {
		if (number == null || number.isEmpty()) {
			problems.add(new Problem("REPORT_NUMBER_MISSING"));
			return;
		}
		if (number.length() > MAX_REPORT_NUMBER_LENGTH * 2 // two chars per code point at most
				|| number.getBytes(StandardCharsets.UTF_8).length > LogEntry.MAX_STRING_BYTES) {
			problems.add(new Problem("REPORT_NUMBER_INVALID", MAX_REPORT_NUMBER_LENGTH));
			return;
		}
		if (printableAscii(number)) { // nearly all numbers: nothing to normalize, no control characters
			if (number.length() > MAX_REPORT_NUMBER_LENGTH || number.charAt(0) == ' '
					|| number.charAt(number.length() - 1) == ' ') {
				problems.add(new Problem("REPORT_NUMBER_INVALID", MAX_REPORT_NUMBER_LENGTH));
			}
			return;
		}
		boolean valid = number.codePointCount(0, number.length()) <= MAX_REPORT_NUMBER_LENGTH
				&& number.strip().equals(number) && Normalizer.isNormalized(number, Normalizer.Form.NFC)
				&& number.codePoints().noneMatch(c -> switch (Character.getType(c)) {
					case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
							Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
					default -> false;
				});
		if (!valid) {
			problems.add(new Problem("REPORT_NUMBER_INVALID", MAX_REPORT_NUMBER_LENGTH));
		}
	}

	private static boolean printableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	private LocalDate issuedOn(String raw, LocalDate today, List<Problem> problems) {
		if (raw == null || raw.length() != 10) {
			problems.add(new Problem("ISSUED_ON_INVALID", raw == null ? "" : raw));
			return null;
		}
		LocalDate day = dates.get(raw, FilingService::parseDate).orElse(null);
		if (day == null) {
			problems.add(new Problem("ISSUED_ON_INVALID", raw));
			return null;
		}
		if (day.isAfter(today)) {
			problems.add(new Problem("ISSUED_ON_IN_FUTURE", raw));
			return null;
		}
		if (day.isBefore(today.minusDays(properties.maxReportAge().toDays()))) {
			problems.add(new Problem("ISSUED_ON_TOO_OLD", raw, properties.maxReportAge().toDays()));
			return null;
		}
		return day;
	}

	private static byte[] digest(String raw, List<Problem> problems) {
		if (raw != null && raw.length() == 71 && raw.startsWith("sha256:")) {
			try {
				return HexFormat.of().parseHex(raw, 7, 71);
			}
			catch (IllegalArgumentException e) {
				// reported below
			}
		}
		problems.add(new Problem("DIGEST_INVALID"));
		return null;
	}

	private String certificateNumber(String raw, List<Problem> problems) {
		if (raw == null) {
			problems.add(new Problem("CERT_NUMBER_INVALID", ""));
			return null;
		}
		Optional<String> number = certificateNumbers.get(raw, this::parseCertificateNumber);
		if (number.isEmpty()) {
			problems.add(new Problem("CERT_NUMBER_INVALID", raw));
		}
		return number.orElse(null);
	}

	private Optional<String> parseCertificateNumber(String raw) {
		try {
			return Optional.of(CmaNumber.parse(raw, registry.codes()).value());
		}
		catch (DomainException e) {
			return Optional.empty();
		}
	}

	private static Optional<LocalDate> parseDate(String raw) {
		try {
			return Optional.of(LocalDate.parse(raw));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** The certificate's scope lines the items name; each item must be a valid row of it. */
	private int[] scope(JsonNode scope, CertificateRules.Rules rules, List<Problem> problems) {
		if (scope == null || !scope.isArray() || scope.isEmpty()) {
			problems.add(new Problem("SCOPE_MISSING"));
			return null;
		}
		if (scope.size() > LogEntry.MAX_SCOPE_ITEMS) {
			problems.add(new Problem("SCOPE_TOO_LARGE", LogEntry.MAX_SCOPE_ITEMS));
			return null;
		}
		TreeSet<Integer> lines = new TreeSet<>();
		for (JsonNode item : scope) {
			String parameter = item.isObject() ? text(item, "parameter") : null;
			String method = item.isObject() ? text(item, "method") : null;
			if (parameter == null || parameter.isBlank() || method == null || method.isBlank()) {
				problems.add(new Problem("SCOPE_ITEM_INVALID"));
				continue;
			}
			if (rules == null) {
				continue;
			}
			String methodCode = methodCodes.get(method,
					raw -> StandardCode.tryParse(raw).map(StandardCode::code).orElse(raw.strip()));
			Integer line = rules.line(parameter.strip(), methodCode);
			if (line == null) {
				problems.add(new Problem("OUT_OF_SCOPE", parameter.strip(), method.strip()));
			}
			else {
				lines.add(line);
			}
		}
		return lines.stream().mapToInt(Integer::intValue).toArray();
	}
}
