package org.labtrust.reports.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.labtrust.registry.CertificateForFiling;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.reports.internal.ReportVerification;
import org.labtrust.reports.internal.log.Checkpoints;
import org.labtrust.reports.internal.log.LogEntry;
import org.labtrust.reports.internal.log.LogSigner;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.web.LanguageLinks;
import org.labtrust.shared.web.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The report registry's pages: public verification of a report (the short link of a report's QR
 * code, and a look-up form), the transparency log with how to check it independently, and a body's
 * filing page (latest filings, refusals, CSV upload through the filing API). Verification calls
 * the same service as the JSON API; the upload posts to the API from the browser
 * ({@code js/report-upload.js}), so that a page and a system are held to the same checks.
 */
@Controller
class ReportPagesController {

	static final String VERIFY = "reports/verify";

	static final String LOG = "reports/log";

	static final String STAFF = "reports/staff";

	static final String PROBLEM = "reports/problem";

	static final ZoneId BEIJING = ChinaTime.ZONE;

	/** Filings the body page reads: only the newest part of the log (report_filing has no index on body_id). */
	static final long RECENT_ENTRIES = 200_000;

	static final int LIST_LIMIT = 50;

	static final int REJECTION_DAYS = 30;

	/** The CSV header the upload reads, in this order. */
	static final String CSV_HEADER = "reportNumber,certificateNumber,issuedOn,scope,digest";

	private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("uuuu年M月d日");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final ReportVerification verification;

	private final Checkpoints checkpoints;

	private final LogSigner signer;

	private final RegistryQueries registry;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	ReportPagesController(ReportVerification verification, Checkpoints checkpoints, LogSigner signer,
			RegistryQueries registry, JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.verification = verification;
		this.checkpoints = checkpoints;
		this.signer = signer;
		this.registry = registry;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/** The layout's language switch; the portal's advice serves only the portal's controllers. */
	@ModelAttribute("lang")
	LanguageLinks language(HttpServletRequest request, Locale locale) {
		return LanguageLinks.of(request, locale);
	}

	// --- public verification

	/** A refusal as the page shows it. */
	record Problem(int status, String code, String title, String message) {
	}

	/** One scope item of a filing: the certificate's line, and what the line is when the registry still has it. */
	record ScopeItem(int line, String parameter, String method) {
	}

	/** One filing under the number, ready to show. */
	record MatchView(Long bodyId, String bodyName, String bodyCreditCode, String certificateNumber, String issuedOn,
			String filedAt, String status, String statusClass, String replacedBy, String replacedByUrl,
			String revocationReason, Long changeIndex, List<ScopeItem> scope, long entryIndex, String entry,
			List<String> proof, Long proofTreeSize, String shortUrl) {
	}

	@GetMapping("/r/{certificate}/{*report}")
	String shortLink(@PathVariable String certificate, @PathVariable String report, Model model,
			HttpServletResponse response) {
		// {*report} keeps the slashes of a number such as BG/2026/001, and starts with one
		String number = report.startsWith("/") ? report.substring(1) : report;
		return verifyPage(number, certificate, model, response);
	}

	@GetMapping("/reports/verify")
	String verify(@RequestParam(required = false) String number, @RequestParam(required = false) String certificate,
			Model model, HttpServletResponse response) {
		if (number == null) {
			formValues(model, "", certificate);
			return VERIFY;
		}
		return verifyPage(number, certificate, model, response);
	}

	private String verifyPage(String number, String certificate, Model model, HttpServletResponse response) {
		formValues(model, number, certificate);
		ReportVerification.Answer answer;
		try {
			answer = verification.verify(number, certificate, null);
		}
		catch (DomainException e) {
			return problem(e, model, response, VERIFY);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
		Map<String, Optional<CertificateForFiling>> certificates = new HashMap<>();
		List<MatchView> matches = answer.matches().stream().map(m -> view(m, certificates)).toList();
		model.addAttribute("searched", true);
		model.addAttribute("matches", matches);
		model.addAttribute("verdict", matches.isEmpty() ? "NOT_FOUND"
				: matches.size() == 1 ? matches.get(0).status() : "SEVERAL");
		model.addAttribute("checkpointSize", answer.checkpoint().size());
		model.addAttribute("checkpointNote", answer.checkpoint().note());
		model.addAttribute("apiUrl", UriComponentsBuilder.fromPath("/api/v1/reports/verify")
			.queryParam("number", "{number}")
			.queryParamIfPresent("certificate",
					certificate == null || certificate.isBlank() ? Optional.empty() : Optional.of("{certificate}"))
			.encode()
			.buildAndExpand(Map.of("number", number, "certificate", certificate == null ? "" : certificate.strip()))
			.toUriString());
		return VERIFY;
	}

	private static void formValues(Model model, String number, String certificate) {
		model.addAttribute("number", number == null ? "" : number);
		model.addAttribute("certificate", certificate == null ? "" : certificate);
		model.addAttribute("searched", false);
		model.addAttribute("matches", List.of());
	}

	private MatchView view(ReportVerification.Match m, Map<String, Optional<CertificateForFiling>> certificates) {
		LogEntry.Filing filing = m.filing();
		Optional<CertificateForFiling> certificate = certificates.computeIfAbsent(filing.certificateNumber(),
				registry::certificateForFiling);
		List<ScopeItem> scope = new ArrayList<>();
		for (int line : filing.scopeLines()) {
			Optional<CertificateForFiling.ScopeLine> row = certificate
				.flatMap(c -> c.scope().stream().filter(s -> s.lineNo() == line).findFirst());
			scope.add(new ScopeItem(line, row.map(CertificateForFiling.ScopeLine::parameter).orElse(null),
					row.map(CertificateForFiling.ScopeLine::methodCode).orElse(null)));
		}
		String replacedByUrl = null;
		if (m.replacedBy() != null) {
			String replacementCertificate = m.changeIndex() == null ? null : certificateOfEntry(m.changeIndex());
			replacedByUrl = replacementCertificate == null
					? UriComponentsBuilder.fromPath("/reports/verify").queryParam("number", "{n}").encode()
						.buildAndExpand(m.replacedBy()).toUriString()
					: shortUrl(replacementCertificate, m.replacedBy());
		}
		Base64.Encoder base64 = Base64.getEncoder();
		return new MatchView(m.body() == null ? null : m.body().id(), m.body() == null ? null : m.body().name(),
				m.body() == null ? null : m.body().creditCode(), filing.certificateNumber(), date(filing.issuedOn()),
				dateTime(filing.acceptedAt()), m.status().name(), "status-" + m.status().name().toLowerCase(Locale.ROOT),
				m.replacedBy(), replacedByUrl,
				m.revocationReason() == null ? null
						: message("reports.reason." + m.revocationReason().name(), m.revocationReason().name()),
				m.changeIndex(), scope, m.entryIndex(), base64.encodeToString(m.entry()),
				m.proof() == null ? null : m.proof().stream().map(base64::encodeToString).toList(),
				m.proof() == null ? null : checkpoints.latest().size(),
				shortUrl(filing.certificateNumber(), filing.reportNumber()));
	}

	/** The certificate of the filing at this entry (a replacement names its own). */
	private String certificateOfEntry(long index) {
		return jdbc.sql("select entry from report_filing where entry_index = ?")
			.param(index)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.map(entry -> LogEntry.decode(entry).certificateNumber())
			.orElse(null);
	}

	/** The short link of a report, as its QR code prints it; slashes in the number stay path separators. */
	static String shortUrl(String certificate, String number) {
		return "/r/" + UriUtils.encodePathSegment(certificate, StandardCharsets.UTF_8) + "/"
				+ UriUtils.encodePath(number, StandardCharsets.UTF_8);
	}

	// --- the log

	@GetMapping("/log")
	String log(Model model, HttpServletRequest request, HttpServletResponse response) {
		Checkpoints.Checkpoint checkpoint = checkpoints.latest();
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
		String base = ServletUriComponentsBuilder.fromContextPath(request).path("/log").build().toUriString();
		model.addAttribute("size", checkpoint.size());
		model.addAttribute("sizeText", number(checkpoint.size()));
		model.addAttribute("root", Base64.getEncoder().encodeToString(checkpoint.root()));
		model.addAttribute("rootHex", HexFormat.of().formatHex(checkpoint.root()));
		model.addAttribute("publishedAt", dateTime(checkpoint.publishedAt()));
		model.addAttribute("publishedAtIso", checkpoint.publishedAt().toString());
		model.addAttribute("note", checkpoint.note());
		model.addAttribute("origin", signer.name());
		model.addAttribute("key", signer.verifierKey());
		model.addAttribute("base", base);
		model.addAttribute("lastIndex", Math.max(0, checkpoint.size() - 1));
		return LOG;
	}

	// --- the body's filing page

	/** A recent entry of the body. */
	record FilingRow(long entryIndex, String kind, String reportNumber, String certificateNumber, String issuedOn,
			String filedAt, String url) {
	}

	/** A recent refusal. */
	record RejectionRow(String rejectedAt, String reportNumber, String certificate, String code, String message) {
	}

	/** Refusals of one code over the last days. */
	record CodeCount(String code, String message, long count) {
	}

	@GetMapping("/staff/reports")
	String staff(Model model, HttpServletResponse response) {
		long body = bodyOf(Actors.current());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("body", registry.bodyRef(body).orElse(null));
		List<FilingRow> filings = jdbc.sql("""
				select entry_index, entry from report_filing
				where entry_index >= (select size from log_head where id = 1) - ? and body_id = ?
				order by entry_index desc limit ?""")
			.params(RECENT_ENTRIES, body, LIST_LIMIT)
			.query((rs, n) -> filingRow(rs.getLong(1), rs.getBytes(2)))
			.list();
		model.addAttribute("filings", filings);
		model.addAttribute("recentEntries", number(RECENT_ENTRIES));
		model.addAttribute("rejections", jdbc.sql("""
				select rejected_at, report_number, certificate, code from report_rejection
				where body_id = ? order by rejected_at desc limit ?""")
			.params(body, LIST_LIMIT)
			.query((rs, n) -> new RejectionRow(dateTime(SqlTime.instant(rs, "rejected_at")), rs.getString(2),
					rs.getString(3), rs.getString(4), codeMessage(rs.getString(4))))
			.list());
		model.addAttribute("rejectionDays", REJECTION_DAYS);
		model.addAttribute("codeCounts", jdbc.sql("""
				select code, count(*) from report_rejection
				where body_id = ? and rejected_at >= ? group by code order by count(*) desc, code""")
			.params(body, SqlTime.utc(clock.instant().minus(Duration.ofDays(REJECTION_DAYS))))
			.query((rs, n) -> new CodeCount(rs.getString(1), codeMessage(rs.getString(1)), rs.getLong(2)))
			.list());
		model.addAttribute("csvHeader", CSV_HEADER);
		return STAFF;
	}

	/** A CSV example with one of the body's own certificates and scope rows, so that it files as it is. */
	@GetMapping(path = "/staff/reports/example.csv")
	ResponseEntity<String> example() {
		long body = bodyOf(Actors.current());
		record Row(String certificate, String parameter, String method) {
		}
		Optional<Row> row = jdbc.sql("""
				select c.number, s.parameter_name, s.method_code
				from certificate c join scope_row s on s.certificate_id = c.id
				where c.body_id = ? and c.status = 'VALID' and s.status = 'VALID'
				order by c.id, s.line_no limit 1""")
			.param(body)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
		Row example = row.orElse(new Row("251900000012", "铅", "GB 5009.12-2017"));
		LocalDate yesterday = LocalDate.now(clock.withZone(BEIJING)).minusDays(1);
		StringJoiner csv = new StringJoiner("\r\n", "\uFEFF", "\r\n");
		csv.add(CSV_HEADER);
		for (int i = 1; i <= 2; i++) {
			csv.add(String.join(",", csvField("EXAMPLE-" + yesterday.toString().replace("-", "") + "-00" + i),
					csvField(example.certificate()), yesterday.toString(),
					csvField(example.parameter() + "|" + example.method()),
					"sha256:" + HexFormat.of().formatHex(sha256("example report " + i))));
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("report-filings-example.csv").build().toString())
			.cacheControl(CacheControl.noStore())
			.body(csv.toString());
	}

	private static String csvField(String value) {
		return value.contains(",") || value.contains("\"") || value.contains("\n")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static byte[] sha256(String text) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static long bodyOf(Actor actor) {
		actor.require(Permission.REPORT_FILE);
		if (actor.bodyId() == null) {
			throw Actor.forbidden();
		}
		return actor.bodyId();
	}

	private FilingRow filingRow(long index, byte[] bytes) {
		LogEntry entry = LogEntry.decode(bytes);
		if (entry instanceof LogEntry.Filing filing) {
			return new FilingRow(index, message("reports.kind.filing", "filing"), filing.reportNumber(),
					filing.certificateNumber(), date(filing.issuedOn()), dateTime(filing.acceptedAt()),
					shortUrl(filing.certificateNumber(), filing.reportNumber()));
		}
		LogEntry.Revocation revocation = (LogEntry.Revocation) entry;
		return new FilingRow(index,
				message("reports.kind.revocation", "revocation") + " · "
						+ message("reports.reason." + revocation.reason().name(), revocation.reason().name()),
				revocation.reportNumber(), revocation.certificateNumber(), "—", dateTime(revocation.acceptedAt()),
				shortUrl(revocation.certificateNumber(), revocation.reportNumber()));
	}

	/** What a refusal code means, in words (its title: the stored refusal keeps no arguments). */
	private String codeMessage(String code) {
		return message("problem." + code + ".title", code);
	}

	// --- refusals and formats

	/** A refusal outside the verification (a caller without a body on the filing page, say): a page saying why. */
	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		ModelAndView page = new ModelAndView(PROBLEM);
		page.addObject("lang", LanguageLinks.of(request, locale));
		problem(e, page.getModelMap()::addAttribute, response);
		page.setStatus(HttpStatus.valueOf(response.getStatus()));
		return page;
	}

	private String problem(DomainException e, Model model, HttpServletResponse response, String view) {
		problem(e, model::addAttribute, response);
		return view;
	}

	private void problem(DomainException e, java.util.function.BiConsumer<String, Object> model,
			HttpServletResponse response) {
		HttpStatus status = HttpStatus.resolve(e.status()) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(e.status());
		Locale locale = LocaleContextHolder.getLocale();
		String title = messages.getMessage("problem." + e.code() + ".title", null, status.getReasonPhrase(), locale);
		String text = messages.getMessage("problem." + e.code(), ProblemResponses.plain(e.args()), e.getMessage(),
				locale);
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
		model.accept("problem", new Problem(status.value(), e.code(), title, text));
	}

	private String message(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

	private static boolean zh() {
		return RegistryQueries.isChinese(LocaleContextHolder.getLocale());
	}

	static String date(LocalDate date) {
		return date == null ? "—" : zh() ? DATE_ZH.format(date) : date.toString();
	}

	static String dateTime(Instant instant) {
		if (instant == null) {
			return "—";
		}
		var local = instant.atZone(BEIJING);
		return date(local.toLocalDate()) + " " + TIME.format(local);
	}

	static String number(long value) {
		return java.text.NumberFormat.getIntegerInstance(zh() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH)
			.format(value);
	}
}
