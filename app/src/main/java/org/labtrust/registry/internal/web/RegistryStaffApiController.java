package org.labtrust.registry.internal.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CertificateStatusChanged;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.CreditCode;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.internal.RegistryCommands;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registry actions of officers (certificate status) and partner systems (bulk cross-check). */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Registry (staff and partners)", description = "Certificate status changes and bulk cross-checks")
class RegistryStaffApiController {

	static final int MAX_CROSS_CHECK = 1000;

	private final RegistryCommands commands;

	private final RegistryQueries queries;

	private final AuditTrail audit;

	RegistryStaffApiController(RegistryCommands commands, RegistryQueries queries, AuditTrail audit) {
		this.commands = commands;
		this.queries = queries;
		this.audit = audit;
	}

	record StatusChange(String status, String reason) {
	}

	record StatusChanged(String number, CertificateStatus from, CertificateStatus to, String changedBy,
			Instant changedAt) {
	}

	@PostMapping(path = "/certificates/{number}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Suspend, revoke, cancel or restore a certificate (decision officers, within jurisdiction)")
	StatusChanged changeStatus(@PathVariable String number, @RequestBody StatusChange request) {
		Actor actor = Actors.current();
		actor.require(Permission.CERTIFICATE_STATUS_CHANGE);
		CertificateStatus target;
		try {
			target = CertificateStatus.valueOf(String.valueOf(request.status()));
		}
		catch (IllegalArgumentException e) {
			throw DomainException.badRequest("CERT_STATUS_INVALID", "Unknown certificate status",
					String.valueOf(request.status()));
		}
		if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
			throw DomainException.badRequest("CERT_STATUS_REASON_REQUIRED", "A status change needs a reason (at most 500 characters)");
		}
		CertificateStatusChanged changed = commands.changeCertificateStatus(actor, number, target,
				request.reason().strip());
		return new StatusChanged(changed.number(), changed.from(), changed.to(), changed.actor(),
				changed.at());
	}

	record CrossCheck(List<String> certificates, List<String> creditCodes) {
	}

	record CrossCheckResult(List<RegistryQueries.CertificateCheck> certificates,
			List<RegistryQueries.BodyCheck> creditCodes) {
	}

	@PostMapping(path = "/registry/cross-check", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Check up to 1,000 certificate numbers and credit codes at once (partner systems)")
	CrossCheckResult crossCheck(@RequestBody CrossCheck request) {
		Actors.current().require(Permission.REGISTRY_CROSS_CHECK);
		List<String> numbers = request.certificates() == null ? List.of() : request.certificates();
		List<String> codes = request.creditCodes() == null ? List.of() : request.creditCodes();
		if (numbers.size() + codes.size() > MAX_CROSS_CHECK) {
			throw DomainException.badRequest("CROSS_CHECK_TOO_LARGE", "At most 1,000 entries a request",
					MAX_CROSS_CHECK);
		}
		Set<String> validNumbers = new LinkedHashSet<>();
		for (String number : numbers) {
			validNumbers.add(CmaNumber.parse(number, queries.codes()).value());
		}
		Set<String> validCodes = new LinkedHashSet<>();
		for (String code : codes) {
			validCodes.add(CreditCode.parse(code).value());
		}
		CrossCheckResult result = new CrossCheckResult(queries.checkCertificates(new ArrayList<>(validNumbers)),
				queries.checkBodies(new ArrayList<>(validCodes)));
		// partner access to registry data is traced, as reads of important data must be (等保 2.0)
		audit.record(new AuditTrail.Entry("registry.cross-check", "registry", null, null,
				Map.of("certificates", Integer.toString(validNumbers.size()), "creditCodes",
						Integer.toString(validCodes.size()))));
		return result;
	}
}
