package org.labtrust.registry.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.TestActors;
import org.labtrust.registry.BodySearchQuery;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Status changes are recorded, published as events, and the search index follows them. */
class SearchFollowsRegistryEventsTest extends IntegrationTest {

	private static final Actor NATIONAL_OFFICER = TestActors.officer(Role.DECISION_OFFICER, "00");

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@Autowired
	RegistryCommands commands;

	@Autowired
	RegistryQueries queries;

	@Autowired
	JdbcClient jdbc;

	private String publicStatus(String number) {
		return JsonMapper.builder().build().readTree(get("/api/v1/certificates/" + number).body()).get("status").asString();
	}

	private long countFor(String text, String status) {
		BodySearchQuery query = BodySearchQuery.parse(text, null, null, status, null, null, null, "0", "100",
				queries.codes());
		return queries.search(query, ZH).total();
	}

	@Test
	void aSuspendedCertificateIsFoundUnderSuspendedAndItsHistoryGrows() {
		String number = jdbc.sql("""
				select c.number from certificate c where c.status = 'VALID'
				  and (select count(*) from certificate o where o.body_id = c.body_id) = 1 order by c.id limit 1""")
			.query(String.class)
			.single();
		assertThat(countFor(number, "SUSPENDED")).isZero();
		// the public answer is now cached
		assertThat(publicStatus(number)).isEqualTo("VALID");

		commands.changeCertificateStatus(NATIONAL_OFFICER, number, CertificateStatus.SUSPENDED, "监督抽查不合格");

		assertThat(publicStatus(number)).as("the cached answer is dropped when the change commits")
			.isEqualTo("SUSPENDED");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(countFor(number, "SUSPENDED")).isEqualTo(1));
		assertThat(countFor(number, "VALID")).isZero();
		var history = queries.certificate(number, ZH).history();
		assertThat(history.get(history.size() - 1).to()).isEqualTo(CertificateStatus.SUSPENDED);
		assertThat(history.get(history.size() - 1).reason()).isEqualTo("监督抽查不合格");
		assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single())
			.as("every event publication completed")
			.isZero();
	}

	@Test
	void aForbiddenTransitionChangesNothing() {
		String number = jdbc.sql("select number from certificate where status = 'REVOKED' order by id limit 1")
			.query(String.class)
			.single();
		int before = queries.certificate(number, ZH).history().size();
		assertThatThrownBy(() -> commands.changeCertificateStatus(NATIONAL_OFFICER, number, CertificateStatus.VALID, "恢复"))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("CERT_STATUS_TRANSITION_INVALID"));
		assertThat(queries.certificate(number, ZH).status()).isEqualTo(CertificateStatus.REVOKED);
		assertThat(queries.certificate(number, ZH).history()).hasSize(before);
	}

	@Test
	void withdrawnScopeRowsNoLongerMakeTheBodyFindableByThatMethod() {
		var target = jdbc.sql("""
				select b.credit_code, r.method_code from scope_row r join certificate c on c.id = r.certificate_id
				join body b on b.id = c.body_id where r.status = 'VALID' order by r.id limit 1""")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		String query = target[0] + " " + target[1];
		assertThat(countFor(query, null)).isEqualTo(1);

		List<Long> rows = jdbc.sql("""
				select r.id from scope_row r join certificate c on c.id = r.certificate_id join body b on b.id = c.body_id
				where b.credit_code = ? and r.method_code = ? and r.status = 'VALID'""")
			.params(target[0], target[1])
			.query(Long.class)
			.list();
		rows.forEach(id -> commands.changeScopeRowStatus(NATIONAL_OFFICER, id, ScopeStatus.WITHDRAWN, "机构申请取消该项目"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(countFor(query, null)).isZero());
	}
}
