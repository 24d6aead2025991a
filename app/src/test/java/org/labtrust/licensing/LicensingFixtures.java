package org.labtrust.licensing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.labtrust.licensing.internal.ApplicationService;
import org.labtrust.licensing.internal.AssessmentTeams;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bodies of their own for licensing tests, so that decisions which write the registry (new
 * certificates, renewals, cancellations) never touch the demo bodies other tests rely on.
 */
final class LicensingFixtures {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private final JdbcClient jdbc;

	LicensingFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new body without certificates in the given county (GB/T 2260, e.g. 440106 Guangzhou Tianhe). */
	long newBody(String divisionCode, String name) {
		String creditCode = String.format("91%06d%010d", Integer.parseInt(divisionCode),
				System.nanoTime() % 1_000_000_0000L + SERIAL.incrementAndGet());
		return jdbc.sql("""
				insert into body (id, name, credit_code, legal_form, legal_representative, division_code, province_code,
				                  address, created_at)
				values (nextval('body_seq'), ?, ?, '有限责任公司', '张三', ?, ?, '测试路 1 号', now()) returning id""")
			.params(name, creditCode.substring(0, 18), divisionCode, divisionCode.substring(0, 2))
			.query(Long.class)
			.single();
	}

	static Actor bodyAdmin(long bodyId) {
		return new Actor(Actor.Kind.PERSON, "test:body:" + bodyId, "test-body-admin-" + bodyId, Set.of(Role.BODY_ADMIN),
				EnumSet.copyOf(Role.BODY_ADMIN.permissions()), null, bodyId);
	}

	static Actor assessorNamed(String username) {
		return new Actor(Actor.Kind.PERSON, "test:" + username, username, Set.of(Role.ASSESSOR),
				EnumSet.copyOf(Role.ASSESSOR.permissions()), null, null);
	}

	/** Draws the team of an accepted application and signs its leader in as an assessor. */
	Actor teamLeader(AssessmentTeams teams, Actor acceptance, long applicationId) {
		String leader = teams.draw(acceptance, applicationId, "9319/2.5.8.10.12", 2).draw().leader();
		String username = "test-assessor-" + applicationId;
		jdbc.sql("update assessor set account_username = ? where id = ?").params(username, Long.parseLong(leader)).update();
		return assessorNamed(username);
	}

	/** Scope rows in the environment field (12), with methods the registry knows. */
	List<ApplicationService.ScopeRequest> environmentScope(int rows) {
		List<String> methods = jdbc.sql("select distinct method_code from scope_row where field_code = '12'"
				+ " order by method_code limit ?").param(rows).query(String.class).list();
		return methods.stream()
			.map(m -> new ApplicationService.ScopeRequest("12", "环境空气", "检测参数 " + m, m, null))
			.toList();
	}
}
