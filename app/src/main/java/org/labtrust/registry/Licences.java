package org.labtrust.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.labtrust.registry.internal.RegistryCommands;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes licensing decisions into the registry: a new certificate under a new CMA number, a
 * renewal, scope added or withdrawn, the holder's details changed, a certificate ended. Each
 * runs inside the decision's transaction (so a decision and its registry change commit together
 * or not at all), is kept in the append-only {@code certificate_change} record with the deciding
 * application, and is published as an event that the search index, the answer caches and the
 * other nodes follow.
 */
@Service
public class Licences {

	/** What a decision did to a certificate. */
	public enum ChangeKind {
		GRANTED, RENEWED, SCOPE_EXTENDED, SCOPE_WITHDRAWN, BODY_CHANGED, ENDED
	}

	/** Validity of a CMA certificate: 6 years (BRIEF 1.5). */
	public static final int VALIDITY_YEARS = 6;

	/** One row of scope to license; the method is a standard code such as {@code GB 5009.12-2017}. */
	public record NewScopeRow(String fieldCode, String objectName, String parameterName, String methodCode,
			String methodTitle, String limitation) {
	}

	/**
	 * A new certificate.
	 *
	 * @param industryCode the industry authority (digits 7-8 of the number)
	 */
	public record Grant(long bodyId, String authorityCode, String fieldCode, String industryCode, LocalDate issuedOn,
			LocalDate validUntil, List<NewScopeRow> scope) {
	}

	/** The holder's details a change decision may set; null leaves a detail as it is. */
	public record BodyChanges(String name, String legalRepresentative, String address) {
	}

	private final JdbcClient jdbc;

	private final RegistryCommands commands;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CodeTables codes = CodeTables.load();

	Licences(JdbcClient jdbc, RegistryCommands commands, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.commands = commands;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A new certificate with a new number: {@code YY AA FF MM NNNN}, the serial the authority's
	 * next in the issue year.
	 *
	 * @return the new certificate's number
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String grant(Grant grant, long applicationId) {
		if (grant.scope().isEmpty()) {
			throw DomainException.badRequest("SCOPE_EMPTY", "A certificate licenses at least one scope row");
		}
		int year = grant.issuedOn().getYear();
		int serial = nextSerial(grant.authorityCode(), year);
		CmaNumber number = CmaNumber.of(year, grant.authorityCode(), grant.fieldCode(), grant.industryCode(), serial,
				codes);
		long id = jdbc.sql("select nextval('certificate_seq')").query(Long.class).single();
		jdbc.sql("""
				insert into certificate (id, number, body_id, authority_code, field_code, industry_code, issued_on,
				                         valid_until, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'VALID')""")
			.params(id, number.value(), grant.bodyId(), grant.authorityCode(), grant.fieldCode(), grant.industryCode(),
					grant.issuedOn(), grant.validUntil())
			.update();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into certificate_status_change (id, certificate_id, from_status, to_status, changed_at, changed_by, reason)
				values (nextval('certificate_status_change_seq'), ?, null, 'VALID', ?, ?, ?)""")
			.params(id, SqlTime.utc(now), codes.authorityNameZh(grant.authorityCode()), "资质认定决定 #" + applicationId)
			.update();
		addRows(id, grant.scope(), 1);
		record(id, grant.bodyId(), number.value(), ChangeKind.GRANTED, applicationId,
				grant.scope().size() + " scope rows, valid " + grant.issuedOn() + " to " + grant.validUntil());
		return number.value();
	}

	/**
	 * A renewal (延续): a new certificate with a new number for the same scope (the rows in force),
	 * valid from the day after the old one ends for another 6 years; the old certificate is
	 * cancelled as renewed. Statuses end rather than revive (see {@link CertificateStatus}).
	 *
	 * @return the new certificate's number
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String renew(Actor decider, String oldNumber, LocalDate issuedOn, String industryCode, long applicationId) {
		Held old = held(oldNumber);
		if (old.status() != CertificateStatus.VALID && old.status() != CertificateStatus.SUSPENDED) {
			throw new DomainException("CERTIFICATE_NOT_RENEWABLE", 409,
					"Certificate " + oldNumber + " is " + old.status() + " and cannot be renewed", oldNumber, old.status());
		}
		List<NewScopeRow> scope = jdbc.sql("""
				select field_code, object_name, parameter_name, method_code, method_title, limitation from scope_row
				where certificate_id = ? and status = 'VALID' order by line_no""")
			.param(old.id())
			.query((rs, n) -> new NewScopeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
		LocalDate from = old.validUntil().isBefore(issuedOn) ? issuedOn : old.validUntil().plusDays(1);
		String renewed = grant(new Grant(old.bodyId(), old.authorityCode(), old.fieldCode(),
				industryCode == null ? old.industryCode() : industryCode, issuedOn,
				from.plusYears(VALIDITY_YEARS).minusDays(1), scope), applicationId);
		long newId = held(renewed).id();
		record(newId, old.bodyId(), renewed, ChangeKind.RENEWED, applicationId, "renews " + oldNumber);
		commands.changeCertificateStatus(decider, oldNumber, CertificateStatus.CANCELLED, "延续换发新证 " + renewed);
		return renewed;
	}

	/** Scope extension (扩项): the rows are added to the certificate, numbered after its last line. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void extendScope(String number, List<NewScopeRow> rows, long applicationId) {
		Held certificate = requireInForce(number);
		int last = jdbc.sql("select coalesce(max(line_no), 0) from scope_row where certificate_id = ?")
			.param(certificate.id())
			.query(Integer.class)
			.single();
		addRows(certificate.id(), rows, last + 1);
		record(certificate.id(), certificate.bodyId(), number, ChangeKind.SCOPE_EXTENDED, applicationId,
				rows.size() + " scope rows from line " + (last + 1));
	}

	/** Test items cancelled at the body's request: the rows of these line numbers are withdrawn. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void withdrawScope(String number, List<Integer> lines, long applicationId) {
		Held certificate = requireInForce(number);
		int withdrawn = jdbc.sql("""
				update scope_row set status = 'WITHDRAWN', version = version + 1
				where certificate_id = ? and line_no = any (?) and status <> 'WITHDRAWN'""")
			.params(certificate.id(), lines.toArray(Integer[]::new))
			.update();
		if (withdrawn != lines.size()) {
			throw new DomainException("SCOPE_LINES_INVALID", 422,
					"Lines " + lines + " of " + number + " are not all in force", number);
		}
		record(certificate.id(), certificate.bodyId(), number, ChangeKind.SCOPE_WITHDRAWN, applicationId,
				"lines " + lines.stream().map(String::valueOf).collect(Collectors.joining(",")));
	}

	/** A change of the holder's name, legal representative or address (BRIEF 1.6). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changeBody(long bodyId, BodyChanges changes, long applicationId) {
		Map<String, String> set = new LinkedHashMap<>();
		if (changes.name() != null) {
			set.put("name", changes.name());
		}
		if (changes.legalRepresentative() != null) {
			set.put("legal_representative", changes.legalRepresentative());
		}
		if (changes.address() != null) {
			set.put("address", changes.address());
		}
		if (set.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update body set name = coalesce(?, name), legal_representative = coalesce(?, legal_representative),
				       address = coalesce(?, address), version = version + 1
				where id = ?""")
			.params(changes.name(), changes.legalRepresentative(), changes.address(), bodyId)
			.update();
		String detail = set.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
		jdbc.sql("select id, number from certificate where body_id = ? order by id")
			.param(bodyId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(certificate -> record(certificate.getKey(), bodyId, certificate.getValue(), ChangeKind.BODY_CHANGED,
					applicationId, detail));
	}

	/** Ends a certificate by decision: cancelled (注销) at the body's request, revoked (撤销) as a sanction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void end(Actor decider, String number, CertificateStatus status, String reason, long applicationId) {
		Held certificate = held(number);
		commands.changeCertificateStatus(decider, number, status, reason);
		record(certificate.id(), certificate.bodyId(), number, ChangeKind.ENDED, applicationId,
				status + ": " + reason);
	}

	/** A certificate as the decisions need it. */
	public record Held(long id, String number, long bodyId, String authorityCode, String fieldCode,
			String industryCode, LocalDate validUntil, CertificateStatus status) {
	}

	public Optional<Held> find(String number) {
		return jdbc.sql("""
				select id, number, body_id, authority_code, field_code, industry_code, valid_until, status
				from certificate where number = ?""")
			.param(number)
			.query((rs, n) -> new Held(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, LocalDate.class), CertificateStatus.valueOf(rs.getString(8))))
			.optional();
	}

	private Held held(String number) {
		return find(number).orElseThrow(
				() -> DomainException.notFound("CERT_NOT_FOUND", "No certificate " + number, number));
	}

	private Held requireInForce(String number) {
		Held certificate = held(number);
		if (certificate.status() != CertificateStatus.VALID) {
			throw new DomainException("CERTIFICATE_NOT_IN_FORCE", 409,
					"Certificate " + number + " is " + certificate.status(), number, certificate.status());
		}
		return certificate;
	}

	/**
	 * The authority's next serial in the year. The upsert's row lock makes two decisions of one
	 * authority take turns; the first of a year continues after the registry's highest serial.
	 */
	private int nextSerial(String authorityCode, int year) {
		String prefix = String.format("%02d%s", year % 100, authorityCode);
		int serial = jdbc.sql("""
				insert into certificate_serial (authority_code, issue_year, last_serial)
				select ?, ?, coalesce(max(substr(number, 9, 4)::int), 0) + 1 from certificate where number like ?
				on conflict (authority_code, issue_year)
				do update set last_serial = certificate_serial.last_serial + 1
				returning last_serial""")
			.params(authorityCode, year, prefix + "%")
			.query(Integer.class)
			.single();
		if (serial > 9999) { // the check constraint refuses it too; this says why
			throw new DomainException("CMA_SERIAL_EXHAUSTED", 409,
					"Authority " + authorityCode + " has used every serial of " + year, authorityCode, year);
		}
		return serial;
	}

	private void addRows(long certificateId, List<NewScopeRow> rows, int firstLine) {
		int line = firstLine;
		for (NewScopeRow row : rows) {
			StandardCode method = StandardCode.parse(row.methodCode());
			String title = row.methodTitle() != null && !row.methodTitle().isBlank() ? row.methodTitle()
					: jdbc.sql("select method_title from scope_row where method_code = ? limit 1")
						.param(method.code())
						.query(String.class)
						.optional()
						.orElse("");
			jdbc.sql("""
					insert into scope_row (id, certificate_id, site_id, line_no, field_code, object_name, parameter_name,
					                       method_code, method_prefix, method_number, method_year, method_title, limitation,
					                       status)
					values (nextval('scope_row_seq'), ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID')""")
				.params(certificateId, line++, row.fieldCode(), row.objectName(), row.parameterName(), method.code(),
						method.prefix(), method.number(), method.year(), title, row.limitation())
				.update();
		}
	}

	/**
	 * Keeps the change and publishes it. Like the status history, the public record names the
	 * certificate's authority (digits 3-4 of its number); the audit trail names the person.
	 */
	private void record(long certificateId, long bodyId, String number, ChangeKind kind, long applicationId,
			String detail) {
		String by = codes.authorityNameZh(number.substring(2, 4));
		Instant now = clock.instant();
		jdbc.sql("""
				insert into certificate_change (id, certificate_id, kind, application_id, changed_at, changed_by, detail)
				values (nextval('certificate_change_seq'), ?, ?, ?, ?, ?, ?)""")
			.params(certificateId, kind.name(), applicationId, SqlTime.utc(now), by, detail)
			.update();
		events.publishEvent(new CertificateChanged(certificateId, bodyId, number, kind, applicationId, now));
	}
}
