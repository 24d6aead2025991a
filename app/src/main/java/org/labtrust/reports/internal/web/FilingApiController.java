package org.labtrust.reports.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.labtrust.reports.internal.ReportsProperties;
import org.labtrust.reports.internal.filing.FilingService;
import org.labtrust.reports.internal.filing.Problem;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.web.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Report filing and revocation by bodies (API key or signed-in body staff). */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Report filing", description = "Bodies file every report they issue; see docs/log-format.md")
class FilingApiController {

	/** One item of the answer, in the order of the request. */
	record ItemAnswer(String reportNumber, String status, Long entryIndex, List<ProblemAnswer> problems) {
	}

	record ProblemAnswer(String code, String message) {
	}

	record BatchAnswer(int accepted, int duplicate, int rejected, List<ItemAnswer> results) {
	}

	private final FilingService filings;

	private final JsonMapper json;

	private final MessageSource messages;

	private final ReportsProperties properties;

	FilingApiController(FilingService filings, JsonMapper json, MessageSource messages, ReportsProperties properties) {
		this.filings = filings;
		this.json = json;
		this.messages = messages;
		this.properties = properties;
	}

	@PostMapping(path = "/filings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "File up to 10,000 reports: {\"filings\": [{reportNumber, certificateNumber, issuedOn, scope, digest}]}")
	BatchAnswer file(HttpServletRequest request, Locale locale) throws IOException {
		JsonNode items = batch(request, "filings");
		return answer(filings.file(Actors.current(), items), locale);
	}

	@PostMapping(path = "/revocations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Revoke reports, or replace them with corrected ones: {\"revocations\": [{reportNumber, reason, replacement?}]}")
	BatchAnswer revoke(HttpServletRequest request, Locale locale) throws IOException {
		JsonNode items = batch(request, "revocations");
		return answer(filings.revoke(Actors.current(), items), locale);
	}

	/** The request's array, refused whole when it is too big or not the expected JSON. */
	private JsonNode batch(HttpServletRequest request, String field) throws IOException {
		long limit = properties.maxBatchBytes().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) limit + 1);
		}
		if (body.length > limit) {
			throw tooLarge(limit);
		}
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException e) {
			throw DomainException.badRequest("BODY_INVALID", "The request body is not valid JSON");
		}
		JsonNode items = root == null ? null : root.get(field);
		if (items == null || !items.isArray()) {
			throw DomainException.badRequest("BATCH_INVALID", "Expected {\"" + field + "\": [...]}", field);
		}
		if (items.size() > properties.maxBatchFilings()) {
			throw new DomainException("BATCH_TOO_MANY", 413,
					"At most " + properties.maxBatchFilings() + " items per request", properties.maxBatchFilings());
		}
		return items;
	}

	private static DomainException tooLarge(long limit) {
		return new DomainException("BATCH_TOO_LARGE", 413, "The request body is over " + limit + " bytes", limit);
	}

	private BatchAnswer answer(List<FilingService.ItemResult> results, Locale locale) {
		int accepted = 0;
		int duplicate = 0;
		int rejected = 0;
		Map<String, String> plainMessages = new java.util.HashMap<>();
		List<ItemAnswer> answers = new java.util.ArrayList<>(results.size());
		for (FilingService.ItemResult result : results) {
			switch (result.status()) {
				case ACCEPTED -> accepted++;
				case DUPLICATE -> duplicate++;
				case REJECTED -> rejected++;
			}
			List<ProblemAnswer> problems = result.problems().isEmpty() ? List.of()
					: result.problems().stream().map(p -> problem(p, locale, plainMessages)).toList();
			answers.add(new ItemAnswer(result.reportNumber(), result.status().name(), result.entryIndex(), problems));
		}
		return new BatchAnswer(accepted, duplicate, rejected, answers);
	}

	private ProblemAnswer problem(Problem problem, Locale locale, Map<String, String> withoutArgs) {
		if (problem.args().length == 0) {
			return new ProblemAnswer(problem.code(), withoutArgs.computeIfAbsent(problem.code(),
					code -> messages.getMessage("problem." + code, null, code, locale)));
		}
		return new ProblemAnswer(problem.code(), messages.getMessage("problem." + problem.code(),
				ProblemResponses.plain(problem.args()), problem.code(), locale));
	}
}
