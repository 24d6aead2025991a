package org.labtrust.registry.internal.web;

import java.time.Duration;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.registry.BodyDetail;
import org.labtrust.registry.BodySearchQuery;
import org.labtrust.registry.BodySearchResult;
import org.labtrust.registry.CertificateDetail;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.CreditCode;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.internal.export.RegistryExport;
import org.labtrust.shared.DomainException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The public registry API: search, body and certificate lookups, and the open-data export. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Registry", description = "Public registry of inspection and testing bodies, certificates and scope")
class RegistryApiController {

	/** Public answers may be cached by browsers and CDNs this long. */
	private static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

	private final RegistryQueries queries;

	private final RegistryExport export;

	private final PublicAnswerCache cache;

	RegistryApiController(RegistryQueries queries, RegistryExport export, PublicAnswerCache cache) {
		this.queries = queries;
		this.export = export;
		this.cache = cache;
	}

	@GetMapping("/bodies")
	@Operation(summary = "Search bodies",
			description = "Chinese full text (Simplified or Traditional) over body name, tested objects, parameters "
					+ "and method titles; standard codes, credit codes and certificate numbers in q match exactly. "
					+ "Facet counts cover the whole filtered result.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = BodySearchResult.class)))
	ResponseEntity<?> search(@Parameter(description = "search text, e.g. 大米 铅 GB 5009.12-2017") @RequestParam(required = false) String q,
			@Parameter(description = "GB/T 2260 province code, e.g. 44") @RequestParam(required = false) String province,
			@Parameter(description = "CMA field code, e.g. 00") @RequestParam(required = false) String field,
			@Parameter(description = "VALID, SUSPENDED, REVOKED, CANCELLED or EXPIRED") @RequestParam(required = false) String status,
			@Parameter(description = "issuing authority: 00 national, else the province's CMA code") @RequestParam(required = false) String authority,
			@Parameter(description = "unified social credit code, exact") @RequestParam(required = false) String creditCode,
			@Parameter(description = "relevance (default) or name") @RequestParam(required = false) String sort,
			@Parameter(description = "zero-based page") @RequestParam(required = false) String page,
			@Parameter(description = "page size, 1 to 100, default 20") @RequestParam(required = false) String size,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding, Locale locale) {
		BodySearchQuery query = BodySearchQuery.parse(q, province, field, status, authority, creditCode, sort, page,
				size, queries.codes());
		PublicAnswerCache.Answer body = cache.search(query, language(locale));
		return jsonAnswer(body, acceptEncoding);
	}

	@GetMapping("/bodies/{id}")
	@Operation(summary = "A body with its sites, certificates and scope rows")
	BodyDetail body(@PathVariable String id, Locale locale) {
		long bodyId;
		try {
			bodyId = Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("BODY_ID_INVALID", "Body id must be a number", id);
		}
		return queries.body(bodyId, locale);
	}

	@GetMapping("/bodies/by-credit-code/{creditCode}")
	@Operation(summary = "A body by its unified social credit code")
	BodyDetail bodyByCreditCode(@PathVariable String creditCode, Locale locale) {
		CreditCode code = CreditCode.parse(creditCode);
		long id = queries.bodyIdByCreditCode(code)
			.orElseThrow(() -> DomainException.notFound("BODY_NOT_FOUND", "No body with credit code " + code, code));
		return queries.body(id, locale);
	}

	@GetMapping("/certificates/{number}")
	@Operation(summary = "A certificate with its body, status, status history and scope rows")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = CertificateDetail.class)))
	ResponseEntity<?> certificate(@PathVariable String number,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding, Locale locale) {
		PublicAnswerCache.Answer body = cache.certificate(CmaNumber.parse(number, queries.codes()), language(locale));
		return jsonAnswer(body, acceptEncoding);
	}

	private static String language(Locale locale) {
		return RegistryQueries.isChinese(locale) ? "zh-CN" : "en";
	}

	/**
	 * Sends cached gzip bytes as they are to a client that accepts gzip; decompresses them straight
	 * into the response for one that does not, so that no plain copy is made per request.
	 */
	private static ResponseEntity<?> jsonAnswer(PublicAnswerCache.Answer body, String acceptEncoding) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.cacheControl(PUBLIC)
			.varyBy(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)
			.contentType(MediaType.APPLICATION_JSON);
		if (body.gzipped() && acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip")) {
			return answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(body.bytes());
		}
		if (body.gzipped()) {
			return answer.body(new InputStreamResource(PublicAnswerCache.gunzipping(body.bytes())));
		}
		return answer.body(body.bytes());
	}

	@GetMapping(path = "/exports/registry.csv", produces = "text/csv")
	@Operation(summary = "The whole public registry as CSV, one row per scope row, streamed")
	ResponseEntity<StreamingResponseBody> exportCsv() {
		return download("registry.csv", "text/csv;charset=UTF-8", export::writeCsv);
	}

	@GetMapping(path = "/exports/registry.jsonl", produces = "application/jsonl")
	@Operation(summary = "The whole public registry as JSON Lines, one certificate with body and scope per line")
	ResponseEntity<StreamingResponseBody> exportJsonl() {
		return download("registry.jsonl", "application/jsonl;charset=UTF-8", export::writeJsonl);
	}

	private static ResponseEntity<StreamingResponseBody> download(String name, String type, StreamingResponseBody body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.parseMediaType(type))
			.body(body);
	}
}
