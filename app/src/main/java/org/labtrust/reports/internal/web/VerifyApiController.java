package org.labtrust.reports.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.reports.internal.ReportVerification;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public report verification with inclusion proofs. */
@RestController
@Tag(name = "Report verification", description = "Anyone checks that a report was registered, and can prove it")
class VerifyApiController {

	record Body(long id, String name, String creditCode) {
	}

	record Match(Body body, String certificateNumber, LocalDate issuedOn, Instant filedAt, String status,
			String replacedBy, Long statusEntryIndex, String revocationReason, Boolean digestMatches, long entryIndex,
			String entry, List<String> inclusionProof, Long treeSize) {
	}

	record Answer(String reportNumber, boolean found, List<Match> matches, long treeSize, String checkpoint) {
	}

	private final ReportVerification verification;

	VerifyApiController(ReportVerification verification) {
		this.verification = verification;
	}

	@GetMapping(path = "/api/v1/reports/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Look up a report number; not found means not registered")
	Answer verify(@Parameter(description = "report number as printed") @RequestParam String number,
			@Parameter(description = "CMA certificate number, narrows bodies using the same number") @RequestParam(required = false) String certificate,
			@Parameter(description = "sha256:<hex> of the report file") @RequestParam(required = false) String digest) {
		ReportVerification.Answer answer = verification.verify(number, certificate, digest);
		Base64.Encoder base64 = Base64.getEncoder();
		List<Match> matches = answer.matches().stream().map(m -> new Match(
				m.body() == null ? null : new Body(m.body().id(), m.body().name(), m.body().creditCode()),
				m.filing().certificateNumber(), m.filing().issuedOn(), m.filing().acceptedAt(), m.status().name(),
				m.replacedBy(), m.changeIndex(), m.revocationReason() == null ? null : m.revocationReason().name(),
				m.digestMatches(), m.entryIndex(), base64.encodeToString(m.entry()),
				m.proof() == null ? null : m.proof().stream().map(base64::encodeToString).toList(),
				m.proof() == null ? null : answer.checkpoint().size()))
			.toList();
		return new Answer(answer.number(), !matches.isEmpty(), matches, answer.checkpoint().size(),
				answer.checkpoint().note());
	}
}
