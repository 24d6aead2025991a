package org.labtrust.licensing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.labtrust.licensing.ApplicationState;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment team's findings, with evidence; a nonconformity is answered by the body during
 * rectification. The answer may be improved until the body reports the rectification; the audit
 * trail keeps every version's digest.
 */
@Service
public class Findings {

	/** A finding and, for a nonconformity, the body's answer. */
	public record Finding(long id, String clause, String description, String evidence, boolean nonconformity,
			Instant recordedAt, String recordedBy, String response, Instant respondedAt, String respondedBy) {
	}

	private final JdbcClient jdbc;

	private final ApplicationService applications;

	private final AuditTrail audit;

	private final Clock clock;

	Findings(JdbcClient jdbc, ApplicationService applications, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The team records a finding while it assesses. */
	@Transactional
	public Finding record(Actor actor, long applicationId, String clause, String description, String evidence,
			boolean nonconformity) {
		actor.require(Permission.ASSESSMENT_PERFORM);
		Application application = applications.lockVisible(actor, applicationId);
		if (actor.belongsTo(application.bodyId())) {
			throw Actor.forbidden();
		}
		if (application.state() != ApplicationState.IN_ASSESSMENT) {
			throw new DomainException("FINDING_NOT_NOW", 409, "Findings are recorded during the assessment",
					application.state().name());
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into assessment_finding (application_id, clause, description, evidence, nonconformity,
				                                recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(applicationId, ApplicationService.text("clause", clause, 200), ApplicationService.text("description", description, 4000),
					ApplicationService.text("evidence", evidence, 4000), nonconformity, SqlTime.utc(now), actor.name())
			.query(Long.class)
			.single();
		audit.record(new AuditTrail.Entry("application.finding.record", "application", Long.toString(applicationId),
				application.authorityCode(), Map.of("finding", Long.toString(id), "nonconformity",
						Boolean.toString(nonconformity))));
		return find(applicationId, id);
	}

	/** The body answers a nonconformity while it rectifies. */
	@Transactional
	public Finding respond(Actor actor, long applicationId, long findingId, String response) {
		actor.require(Permission.APPLICATION_SUBMIT);
		Application application = applications.lockVisible(actor, applicationId);
		if (!actor.belongsTo(application.bodyId())) {
			throw Actor.forbidden();
		}
		if (application.state() != ApplicationState.RECTIFICATION) {
			throw new DomainException("FINDING_NOT_NOW", 409, "Nonconformities are answered during rectification",
					application.state().name());
		}
		Finding finding = find(applicationId, findingId);
		if (!finding.nonconformity()) {
			throw new DomainException("FINDING_NOT_NONCONFORMITY", 409, "Only a nonconformity is answered");
		}
		String answer = ApplicationService.text("response", response, 4000);
		jdbc.sql("update assessment_finding set response = ?, responded_at = ?, responded_by = ? where id = ?")
			.params(answer, SqlTime.utc(clock.instant()), actor.name(), findingId)
			.update();
		audit.record(new AuditTrail.Entry("application.finding.respond", "application", Long.toString(applicationId),
				application.authorityCode(), Map.of("finding", Long.toString(findingId), "sha256",
						Attachments.sha256(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
		return find(applicationId, findingId);
	}

	public List<Finding> list(long applicationId) {
		return jdbc.sql(SELECT + " where application_id = ? order by id").param(applicationId).query(this::row).list();
	}

	private static final String SELECT = """
			select id, clause, description, evidence, nonconformity, recorded_at, recorded_by, response, responded_at,
			       responded_by
			from assessment_finding""";

	private Finding find(long applicationId, long findingId) {
		return jdbc.sql(SELECT + " where application_id = ? and id = ?")
			.params(applicationId, findingId)
			.query(this::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("FINDING_NOT_FOUND", "No such finding"));
	}

	private Finding row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Finding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				SqlTime.instant(rs, "recorded_at"), rs.getString(7), rs.getString(8), SqlTime.instant(rs, "responded_at"),
				rs.getString(10));
	}
}
