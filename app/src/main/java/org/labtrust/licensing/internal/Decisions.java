package org.labtrust.licensing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.labtrust.licensing.ApplicationEvent;
import org.labtrust.licensing.ApplicationType;
import org.labtrust.licensing.ChangeItem;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.Licences;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a decision does to the registry, in the decision's transaction: issuance grants, renews,
 * extends, changes or cancels a certificate by the application's type; a self-declared change
 * takes effect on filing; a false commitment revokes the licence and bars the body (BRIEF 1.7).
 */
@Component
class Decisions {

	/** A false commitment bars new applications for this long (BRIEF 1.7). */
	static final int BAR_YEARS = 3;

	/** The certificate's field code when more than one field is licensed: 20 comprehensive (BRIEF 2.1). */
	static final String COMPREHENSIVE_FIELD = "20";

	/** Food: any body able to test food is coded 00 (BRIEF 2.1). */
	static final String FOOD_FIELD = "00";

	private final Licences licences;

	private final JdbcClient jdbc;

	private final Clock clock;

	Decisions(Licences licences, JdbcClient jdbc, Clock clock) {
		this.licences = licences;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The registry change the event makes, if any.
	 *
	 * @return the certificate issued or changed, or null when the event changes none
	 */
	String apply(Actor actor, Application application, ApplicationEvent event, String note) {
		return switch (event) {
			case ISSUE -> issue(actor, application);
			case SUBMIT -> application.procedure() == org.labtrust.licensing.Procedure.SELF_DECLARATION
					? change(application) : null;
			case FIND_COMMITMENT_FALSE -> falseCommitment(actor, application, note);
			default -> null;
		};
	}

	private String issue(Actor actor, Application application) {
		LocalDate today = LocalDate.now(clock);
		return switch (application.type()) {
			case FIRST_LICENCE -> licences.grant(new Licences.Grant(application.bodyId(), application.authorityCode(),
					certificateField(application.fieldCodes()), application.industryCode(), today,
					today.plusYears(Licences.VALIDITY_YEARS).minusDays(1), scope(application)), application.id());
			case RENEWAL -> licences.renew(actor, application.certificateNumber(), today, null, application.id());
			case SCOPE_EXTENSION, EMERGENCY_EXTENSION -> {
				licences.extendScope(application.certificateNumber(), scope(application), application.id());
				yield application.certificateNumber();
			}
			case CHANGE, SITE_CHANGE -> change(application);
			case CANCELLATION -> {
				licences.end(actor, application.certificateNumber(), CertificateStatus.CANCELLED,
						"应机构申请注销 / cancelled at the body's request (#" + application.id() + ")", application.id());
				yield application.certificateNumber();
			}
		};
	}

	/** Applies the changed details: name, legal representative and address in the registry; withdrawn test items. */
	private String change(Application application) {
		Map<String, String> changes = application.changes();
		String address = changes.getOrDefault(ChangeItem.ADDRESS_RENAMED.name(),
				changes.get(ApplicationService.SITE_ADDRESS));
		licences.changeBody(application.bodyId(), new Licences.BodyChanges(changes.get(ChangeItem.NAME.name()),
				changes.get(ChangeItem.LEGAL_REPRESENTATIVE.name()), address), application.id());
		String lines = changes.get(ChangeItem.TEST_ITEM_CANCELLED.name());
		if (lines != null) {
			licences.withdrawScope(application.certificateNumber(), lineNumbers(lines), application.id());
		}
		return application.certificateNumber();
	}

	/** "3, 5,7" as line numbers; the service checked the form when the application was opened. */
	static List<Integer> lineNumbers(String lines) {
		try {
			return Arrays.stream(lines.split("[,，\\s]+")).filter(s -> !s.isEmpty()).map(Integer::valueOf).distinct().toList();
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("CHANGE_VALUE_INVALID", "Line numbers are like 3,5,7", lines);
		}
	}

	private String falseCommitment(Actor actor, Application application, String note) {
		String number = application.issuedCertificateNumber();
		if (number != null) {
			licences.end(actor, number, CertificateStatus.REVOKED, "虚假承诺 / false commitment: " + note, application.id());
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("""
				insert into licensing_bar (body_id, application_id, barred_until, commitment_barred, reason, recorded_at)
				values (?, ?, ?, true, ?, ?)""")
			.params(application.bodyId(), application.id(), today.plusYears(BAR_YEARS), note,
					SqlTime.utc(clock.instant()))
			.update();
		return number;
	}

	private List<Licences.NewScopeRow> scope(Application application) {
		return jdbc.sql("""
				select field_code, object_name, parameter_name, method_code, limitation from application_scope
				where application_id = ? order by line_no""")
			.param(application.id())
			.query((rs, n) -> new Licences.NewScopeRow(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), null, rs.getString(5)))
			.list();
	}

	/** Digits 5-6 of the number: food if food is among the fields, the one field, else comprehensive. */
	static String certificateField(List<String> fields) {
		if (fields.contains(FOOD_FIELD)) {
			return FOOD_FIELD;
		}
		return fields.size() == 1 ? fields.get(0) : COMPREHENSIVE_FIELD;
	}

	/** Whether this type's decision writes scope rows from the application. */
	static boolean needsScope(ApplicationType type) {
		return type == ApplicationType.FIRST_LICENCE || type == ApplicationType.SCOPE_EXTENSION
				|| type == ApplicationType.EMERGENCY_EXTENSION;
	}
}
