package org.labtrust.licensing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.labtrust.licensing.internal.ApplicationService;
import org.labtrust.licensing.internal.AssessmentTeams;
import org.labtrust.registry.internal.Body;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bodies of their own for licensing tests, so that decisions which write the registry (new
 * certificates, renewals, cancellations) never touch the demo bodies other tests rely on; and
 * {@link #removeAll} takes them out of the database and the search index again, so that the
 * registry's counts are the demo's for the tests that check them.
 */
final class LicensingFixtures {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final EntityManager entities;

	private final List<Long> bodies = new ArrayList<>();

	LicensingFixtures(JdbcClient jdbc, TransactionTemplate transaction, EntityManager entities) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.entities = entities;
	}

	/** A new body without certificates in the given county (GB/T 2260, e.g. 440106 Guangzhou Tianhe). */
	long newBody(String divisionCode, String name) {
		String creditCode = String.format("91%06d%010d", Integer.parseInt(divisionCode),
				System.nanoTime() % 1_000_000_0000L + SERIAL.incrementAndGet());
		long id = jdbc.sql("""
				insert into body (id, name, credit_code, legal_form, legal_representative, division_code, province_code,
				                  address, created_at)
				values (nextval('body_seq'), ?, ?, '有限责任公司', '张三', ?, ?, '测试路 1 号', now()) returning id""")
			.params(name, creditCode.substring(0, 18), divisionCode, divisionCode.substring(0, 2))
			.query(Long.class)
			.single();
		bodies.add(id);
		return id;
	}

	/** Removes the bodies made here and all they led to, once the registry's events about them are handled. */
	void removeAll() {
		if (bodies.isEmpty()) {
			return;
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
		String applications = "(select id from application where body_id = ?)";
		String certificates = "(select id from certificate where body_id = ?)";
		transaction.executeWithoutResult(status -> {
			for (long body : bodies) {
				for (String table : List.of("application_event", "application_scope", "application_attachment",
						"assessment_finding", "assessment_team_member", "assessment_team", "licensing_bar")) {
					jdbc.sql("delete from " + table + " where application_id in " + applications).param(body).update();
				}
				jdbc.sql("delete from application where body_id = ?").param(body).update();
				for (String table : List.of("certificate_change", "scope_row", "certificate_status_change",
						"certificate_reminder")) {
					jdbc.sql("delete from " + table + " where certificate_id in " + certificates).param(body).update();
				}
				jdbc.sql("delete from notification_read where notification_id in"
						+ " (select id from notification where body_id = ?)").param(body).update();
				for (String table : List.of("notification", "certificate", "api_key", "account", "body")) {
					jdbc.sql("delete from " + table + " where " + (table.equals("body") ? "id" : "body_id") + " = ?")
						.param(body)
						.update();
				}
				Search.session(entities).indexingPlan().purge(Body.class, body, null);
			}
		});
		bodies.clear();
	}

	static Actor bodyAdmin(long bodyId) {
		return new Actor(Actor.Kind.PERSON, "test:body:" + bodyId, "test-body-admin-" + bodyId, Set.of(Role.BODY_ADMIN),
				EnumSet.copyOf(Role.BODY_ADMIN.permissions()), null, bodyId);
	}

	static Actor assessorNamed(String username) {
		return new Actor(Actor.Kind.PERSON, "test:" + username, username, Set.of(Role.ASSESSOR),
				EnumSet.copyOf(Role.ASSESSOR.permissions()), null, null);
	}

	/** Draws the team of an accepted application and signs its leader in (every demo assessor has an account). */
	Actor teamLeader(AssessmentTeams teams, Actor acceptance, long applicationId) {
		String leader = teams.draw(acceptance, applicationId, "9319/2.5.8.10.12", 2).draw().leader();
		return assessorNamed(jdbc.sql("select account_username from assessor where id = ?")
			.param(Long.parseLong(leader))
			.query(String.class)
			.single());
	}

	/** Scope rows in the environment field (12), with methods the registry knows. */
	List<ApplicationService.ScopeRequest> environmentScope(int rows) {
		return environmentScope(jdbc, rows);
	}

	static List<ApplicationService.ScopeRequest> environmentScope(JdbcClient jdbc, int rows) {
		List<String> methods = jdbc.sql("select distinct method_code from scope_row where field_code = '12'"
				+ " order by method_code limit ?").param(rows).query(String.class).list();
		return methods.stream()
			.map(m -> new ApplicationService.ScopeRequest("12", "环境空气", "检测参数 " + m, m, null))
			.toList();
	}
}
