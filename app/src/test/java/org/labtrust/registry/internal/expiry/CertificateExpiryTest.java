package org.labtrust.registry.internal.expiry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.identity.internal.audit.JdbcAuditTrail;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.internal.expiry.ExpiryFixtures.Cert;
import org.labtrust.registry.internal.expiry.ExpiryFixtures.Province;
import org.labtrust.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily expiry job on certificates made for the test (the demo registry is left as it is): it
 * expires what ended, reminds what ends soon, once, and only the body concerned, also when two
 * runs race. Runs for days before today only ever find what today's run finds, so the demo
 * certificates are never expired early.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateExpiryTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	CertificateExpiry expiry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entities;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcAuditTrail audit;

	@Autowired
	MeterRegistry meters;

	private ExpiryFixtures fixtures;

	private LocalDate today;

	@BeforeAll
	void fixtures() {
		fixtures = new ExpiryFixtures(jdbc, entities, transactions, accounts);
		today = LocalDate.now(ChinaTime.ZONE);
	}

	@AfterAll
	void removeFixtures() {
		fixtures.removeAll();
	}

	/** A day of month that exists in every month, so that "n months before" lands on the same day. */
	private LocalDate inMonths(int months) {
		return today.plusMonths(months).withDayOfMonth(15);
	}

	@Test
	void certificatesPastTheirValidityExpireWithAHistoryRowAnEventAnAuditEntryAndANotice() {
		double expiredBefore = meters.counter("labtrust.registry.certificates.expired").count();
		long body = fixtures.body(Province.GUANGDONG, null);
		Cert ended = fixtures.certificate(body, Province.GUANGDONG, today.minusDays(1), CertificateStatus.VALID);
		Cert suspended = fixtures.certificate(body, Province.GUANGDONG, today.minusDays(20), CertificateStatus.SUSPENDED);
		Cert lastDay = fixtures.certificate(body, Province.GUANGDONG, today, CertificateStatus.VALID);
		Cert revoked = fixtures.certificate(body, Province.GUANGDONG, today.minusDays(5), CertificateStatus.REVOKED);

		expiry.run(today);

		assertThat(fixtures.status(ended)).isEqualTo("EXPIRED");
		assertThat(fixtures.status(suspended)).as("a suspension does not outlive the validity").isEqualTo("EXPIRED");
		assertThat(fixtures.status(lastDay)).as("valid until the end of its last day").isEqualTo("VALID");
		assertThat(fixtures.status(revoked)).as("a final state stays").isEqualTo("REVOKED");

		String authority = CodeTables.load().authorityNameZh("19");
		assertThat(lastChange(ended)).containsExactly("VALID", "EXPIRED", authority, CertificateExpiry.REASON);
		assertThat(lastChange(suspended)).containsExactly("SUSPENDED", "EXPIRED", authority, CertificateExpiry.REASON);

		JsonNode published = JSON.readTree(get("/api/v1/certificates/" + ended.number()).body());
		assertThat(published.get("status").asString()).as("the public answer follows").isEqualTo("EXPIRED");

		audit.flush();
		assertThat(jdbc.sql("""
				select actor_kind || ' ' || actor_id || ' ' || detail from audit_entry
				where action = 'certificate.status.change' and target_id = ?""")
			.param(ended.number())
			.query(String.class)
			.list()).singleElement().asString().startsWith("SYSTEM system").contains("EXPIRED");

		assertThat(fixtures.noticeKinds(ended)).containsExactly("certificate.expired");
		assertThat(fixtures.noticeKinds(lastDay)).as("its last day is within three months")
			.containsExactly("certificate.renewal.last");
		assertThat(fixtures.noticeKinds(revoked)).isEmpty();
		assertThat(meters.counter("labtrust.registry.certificates.expired").count() - expiredBefore)
			.isGreaterThanOrEqualTo(2);

		expiry.run(today);
		assertThat(jdbc.sql("select count(*) from certificate_status_change where certificate_id = ?")
			.param(ended.id())
			.query(Long.class)
			.single()).as("issued, expired: nothing more on a second run").isEqualTo(2);
		assertThat(fixtures.noticeKinds(body)).hasSize(3);
	}

	private List<String> lastChange(Cert certificate) {
		return jdbc.sql("""
				select from_status, to_status, changed_by, reason from certificate_status_change
				where certificate_id = ? order by changed_at desc, id desc limit 1""")
			.param(certificate.id())
			.query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	@Test
	void theEarlyReminderGoesOutSixMonthsAheadAndTheLastThreeMonthsAheadEachOnce() {
		long body = fixtures.body(Province.GUANGDONG, null);
		Cert certificate = fixtures.certificate(body, Province.GUANGDONG, inMonths(2), CertificateStatus.VALID);
		LocalDate end = certificate.validUntil();

		expiry.run(end.minusMonths(6).minusDays(1));
		assertThat(fixtures.noticeKinds(certificate)).as("a day before six months ahead").isEmpty();

		expiry.run(end.minusMonths(6));
		expiry.run(end.minusMonths(6));
		expiry.run(end.minusMonths(3).minusDays(1));
		assertThat(fixtures.noticeKinds(certificate)).containsExactly("certificate.renewal.early");

		expiry.run(end.minusMonths(3));
		expiry.run(today);
		assertThat(fixtures.noticeKinds(certificate)).containsExactly("certificate.renewal.early",
				"certificate.renewal.last");
		assertThat(jdbc.sql("select kind from certificate_reminder where certificate_id = ? order by sent_at, kind")
			.param(certificate.id())
			.query(String.class)
			.list()).containsExactlyInAnyOrder("EARLY", "LAST");

		// the notice says which certificate, until when, and by when to file the renewal (3 months before)
		List<String> args = jdbc.sql("select array_to_string(args, '|') from notification where body_id = ? order by id")
			.param(body)
			.query(String.class)
			.list();
		assertThat(args.get(0)).isEqualTo(
				String.join("|", certificate.number(), end.toString(), end.minusMonths(3).toString(), "6"));
		assertThat(args.get(1)).endsWith("|3");
	}

	@Test
	void aCertificateAlreadyWithinThreeMonthsGetsOnlyTheLastReminderAndOtherBodiesNothing() {
		long body = fixtures.body(Province.GUANGDONG, null);
		long other = fixtures.body(Province.JIANGSU, null);
		Cert soon = fixtures.certificate(body, Province.GUANGDONG, inMonths(1), CertificateStatus.VALID);
		Cert inFive = fixtures.certificate(body, Province.GUANGDONG, inMonths(5), CertificateStatus.SUSPENDED);
		Cert inEight = fixtures.certificate(body, Province.GUANGDONG, inMonths(8), CertificateStatus.VALID);
		Cert cancelled = fixtures.certificate(body, Province.GUANGDONG, inMonths(2), CertificateStatus.CANCELLED);
		fixtures.certificate(other, Province.JIANGSU, inMonths(30), CertificateStatus.VALID);

		expiry.run(today);
		expiry.run(today);

		assertThat(fixtures.noticeKinds(soon)).containsExactly("certificate.renewal.last");
		assertThat(fixtures.noticeKinds(inFive)).as("a suspended certificate can still be renewed")
			.containsExactly("certificate.renewal.early");
		assertThat(fixtures.noticeKinds(inEight)).isEmpty();
		assertThat(fixtures.noticeKinds(cancelled)).isEmpty();
		assertThat(fixtures.noticeKinds(body)).hasSize(2);
		assertThat(fixtures.noticeKinds(other)).isEmpty();
	}

	@Test
	void twoRunsAtOnceSendEachReminderOnce() throws Exception {
		long body = fixtures.body(Province.JIANGSU, null);
		List<Cert> certificates = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			certificates.add(fixtures.certificate(body, Province.JIANGSU, today.plusDays(10 + i * 20L),
					CertificateStatus.VALID));
		}
		certificates.add(fixtures.certificate(body, Province.JIANGSU, today.minusDays(3), CertificateStatus.VALID));

		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<CertificateExpiry.Result>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(threads.submit(() -> {
					start.await();
					return expiry.run(today);
				}));
			}
			start.countDown();
			for (Future<CertificateExpiry.Result> run : runs) {
				assertThat(run.get(60, TimeUnit.SECONDS).interrupted()).isFalse();
			}
		}
		finally {
			threads.shutdownNow();
		}

		for (Cert certificate : certificates.subList(0, 8)) {
			assertThat(fixtures.noticeKinds(certificate)).as(certificate.validUntil().toString()).hasSize(1);
		}
		assertThat(fixtures.noticeKinds(certificates.get(8))).containsExactly("certificate.expired");
		assertThat(jdbc.sql("select count(*) from certificate_status_change where certificate_id = ?")
			.param(certificates.get(8).id())
			.query(Long.class)
			.single()).as("expired once").isEqualTo(2);
		assertThat(fixtures.noticeKinds(body)).hasSize(9);
	}

	@Test
	void theScheduledRunWorksOnItsOwnThreadForTodayInChina() {
		long body = fixtures.body(Province.JIANGSU, null);
		Cert ended = fixtures.certificate(body, Province.JIANGSU, today.minusDays(2), CertificateStatus.VALID);

		expiry.daily();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fixtures.status(ended)).isEqualTo("EXPIRED"));
		assertThat(fixtures.noticeKinds(ended)).containsExactly("certificate.expired");
	}
}
