package org.labtrust.licensing.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.labtrust.licensing.ApplicationState;
import org.labtrust.licensing.AssessmentTeamDraw;
import org.labtrust.licensing.Procedure;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.draw.VerifiableDraw;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws the assessment team of an accepted application from the assessor pool and records the
 * draw with its inputs: the public sources, the ordered pool, and why each other assessor was
 * left out. Anyone can replay it with the verifier's {@code draw} command.
 */
@Service
public class AssessmentTeams {

	/** A recorded draw and its team. */
	public record Team(long applicationId, String sources, AssessmentTeamDraw.Record draw, String drawnBy) {
	}

	private final JdbcClient jdbc;

	private final ApplicationService applications;

	private final RegistryQueries registry;

	private final AuditTrail audit;

	private final Clock clock;

	AssessmentTeams(JdbcClient jdbc, ApplicationService applications, RegistryQueries registry, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Draws the team of an accepted application, once. {@code sources} are public numbers fixed
	 * before they were known (RFC 3797 §3), e.g. {@code 9319/2.5.8.10.12}.
	 */
	@Transactional
	public Team draw(Actor actor, long applicationId, String sources, int size) {
		Application application = applications.visible(actor, applicationId)
			.orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", "No such application"));
		actor.require(Permission.APPLICATION_ACCEPT);
		if (!actor.covers(application.authorityCode())) {
			throw Actor.forbidden();
		}
		ApplicationState drawnIn = drawnIn(application.procedure());
		if (application.state() != drawnIn) {
			throw new DomainException("ASSESSMENT_TEAM_NOT_NOW", 409,
					"A team is drawn for an application in state " + drawnIn + ", not " + application.state(),
					application.state().name());
		}
		if (find(applicationId).isPresent()) {
			throw new DomainException("ASSESSMENT_TEAM_DRAWN", 409, "The team of this application was drawn already");
		}
		List<List<Long>> parsed = parseSources(sources);
		String bodyOrganisation = registry.bodyRef(application.bodyId()).map(RegistryQueries.BodyRef::creditCode)
			.orElse(null);
		AssessmentTeamDraw.Record record = AssessmentTeamDraw.draw(candidates(), application.bodyId(), bodyOrganisation,
				Set.copyOf(application.fieldCodes()), size, parsed);
		jdbc.sql("""
				insert into assessment_team (application_id, drawn_at, drawn_by, sources, draw_key, pool, team_size, excluded)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, SqlTime.utc(clock.instant()), actor.name(), sources.strip(), record.key(),
					String.join(",", record.pool()), size,
					record.excluded().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
						.collect(Collectors.joining(",")))
			.update();
		for (int i = 0; i < record.team().size(); i++) {
			jdbc.sql("insert into assessment_team_member (application_id, assessor_id, leader, position) values (?, ?, ?, ?)")
				.params(applicationId, Long.parseLong(record.team().get(i)), i == 0, i)
				.update();
		}
		audit.record(new AuditTrail.Entry("application.team.draw", "application", Long.toString(applicationId),
				application.authorityCode(), Map.of("key", record.key(), "team", String.join(",", record.team()))));
		return new Team(applicationId, sources.strip(), record, actor.name());
	}

	/** The recorded draw, for whoever may see the application. */
	public Optional<Team> team(Actor actor, long applicationId) {
		return applications.visible(actor, applicationId).flatMap(a -> find(applicationId));
	}

	private Optional<Team> find(long applicationId) {
		return jdbc.sql("select sources, draw_key, pool, team_size, excluded, drawn_by from assessment_team where application_id = ?")
			.param(applicationId)
			.query((rs, n) -> {
				List<String> team = jdbc.sql(
						"select assessor_id from assessment_team_member where application_id = ? order by position")
					.param(applicationId)
					.query(Long.class)
					.list()
					.stream()
					.map(String::valueOf)
					.toList();
				Map<String, String> excluded = new LinkedHashMap<>();
				for (String pair : split(rs.getString("excluded"))) {
					excluded.put(pair.substring(0, pair.indexOf(':')), pair.substring(pair.indexOf(':') + 1));
				}
				return new Team(applicationId, rs.getString("sources"), new AssessmentTeamDraw.Record(
						split(rs.getString("pool")), rs.getString("draw_key"), rs.getInt("team_size"), team, excluded),
						rs.getString("drawn_by"));
			})
			.optional();
	}

	/**
	 * The state in which a procedure's team is drawn: after acceptance for the general procedure
	 * and document review; under commitment, the experts who verify after the licence is issued
	 * (BRIEF 1.7: at least two, within 3 months).
	 */
	public static ApplicationState drawnIn(Procedure procedure) {
		return procedure == Procedure.COMMITMENT ? ApplicationState.AWAITING_VERIFICATION : ApplicationState.ACCEPTED;
	}

	/** A member of a drawn team: who they are, what they may assess, and the account they sign in with. */
	public record Member(String id, String name, String fieldCodes, String account, boolean leader) {
	}

	/** The team's members in the order drawn, the leader first. */
	public List<Member> members(Team team) {
		List<Member> members = new ArrayList<>();
		for (String id : team.draw().team()) {
			members.add(jdbc.sql("select name, field_codes, account_username from assessor where id = ?")
				.param(Long.parseLong(id))
				.query((rs, n) -> new Member(id, rs.getString(1), rs.getString(2), rs.getString(3),
						id.equals(team.draw().leader())))
				.single());
		}
		return members;
	}

	/** Active assessors with their fields, employer, declared conflicts and open team seats. */
	private List<AssessmentTeamDraw.Candidate> candidates() {
		Map<Long, Set<Long>> conflicts = new HashMap<>();
		jdbc.sql("select assessor_id, body_id from assessor_conflict").query((java.sql.ResultSet rs) -> {
			conflicts.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(rs.getLong(2));
		});
		Map<Long, Integer> workload = new HashMap<>();
		jdbc.sql("""
				select m.assessor_id, count(*) from assessment_team_member m join application a on a.id = m.application_id
				where a.state in ('ACCEPTED', 'IN_ASSESSMENT', 'RECTIFICATION', 'AWAITING_VERIFICATION')
				group by m.assessor_id""")
			.query((java.sql.ResultSet rs) -> {
				workload.put(rs.getLong(1), rs.getInt(2));
			});
		List<AssessmentTeamDraw.Candidate> candidates = new ArrayList<>();
		jdbc.sql("select id, field_codes, organisation from assessor where active").query((java.sql.ResultSet rs) -> {
			long id = rs.getLong(1);
			candidates.add(new AssessmentTeamDraw.Candidate(Long.toString(id), Set.copyOf(split(rs.getString(2))),
					rs.getString(3), conflicts.getOrDefault(id, Set.of()), workload.getOrDefault(id, 0)));
		});
		return candidates;
	}

	/** The sources, and their key string checked, or a refusal naming what is wrong. */
	private static List<List<Long>> parseSources(String sources) {
		try {
			List<List<Long>> parsed = VerifiableDraw.parseSources(sources);
			VerifiableDraw.keyString(parsed);
			return parsed;
		}
		catch (IllegalArgumentException e) {
			throw DomainException.badRequest("DRAW_SOURCES_INVALID", "Draw sources: " + e.getMessage());
		}
	}

	private static List<String> split(String list) {
		return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
	}
}
