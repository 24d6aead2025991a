package org.labtrust.registry.internal.expiry;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.CreditCode;
import org.labtrust.registry.internal.Body;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Bodies, certificates and accounts made for one test class, and removed again afterwards: the
 * demo registry stays as other tests know it (300 bodies, every certificate of them unchanged, the
 * search index matching the database).
 */
public final class ExpiryFixtures {

	/** Guangdong and Jiangsu: GB/T 2260 division and CMA authority codes. */
	public enum Province {
		GUANGDONG("440100", "19"), JIANGSU("320100", "10");

		final String division;

		final String authority;

		Province(String division, String authority) {
			this.division = division;
			this.authority = authority;
		}
	}

	/** A certificate made for a test. */
	public record Cert(long id, String number, long bodyId, LocalDate validUntil) {
	}

	private final JdbcClient jdbc;

	private final EntityManager entities;

	private final TransactionTemplate transaction;

	private final AccountService accounts;

	private final CodeTables codes = CodeTables.load();

	private final List<Long> bodies = new ArrayList<>();

	public ExpiryFixtures(JdbcClient jdbc, EntityManager entities, PlatformTransactionManager transactions,
			AccountService accounts) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.transaction = new TransactionTemplate(transactions);
		this.accounts = accounts;
	}

	/** A body of its own, with an optional contact e-mail address. */
	public long body(Province province, String contactEmail) {
		long id = jdbc.sql("select nextval('body_seq')").query(Long.class).single();
		String creditCode = CreditCode.withCheckCharacter("12" + province.division
				+ String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000))).value();
		jdbc.sql("""
				insert into body (id, name, credit_code, legal_form, legal_representative, division_code, province_code,
				                  address, created_at, contact_email)
				values (?, ?, ?, '事业单位', '测试', ?, ?, '测试地址', now(), ?)""")
			.params(id, "到期提醒测试检测中心" + id, creditCode, province.division, province.division.substring(0, 2),
					contactEmail)
			.update();
		bodies.add(id);
		return id;
	}

	/**
	 * A certificate of the body valid until the given day, issued six years before it as the
	 * registry's rule has it; its history starts with the issuance, as real ones do.
	 */
	public Cert certificate(long bodyId, Province province, LocalDate validUntil, CertificateStatus status) {
		LocalDate issued = validUntil.plusDays(1).minusYears(6);
		if (!issued.plusYears(6).minusDays(1).equals(validUntil)) {
			throw new IllegalArgumentException("choose another end of validity than " + validUntil);
		}
		long id = jdbc.sql("select nextval('certificate_seq')").query(Long.class).single();
		String number;
		do {
			number = CmaNumber.of(issued.getYear(), province.authority, "00", "01",
					9000 + ThreadLocalRandom.current().nextInt(1000), codes).value();
		}
		while (jdbc.sql("select count(*) from certificate where number = ?").param(number).query(Long.class).single() > 0);
		jdbc.sql("""
				insert into certificate (id, number, body_id, authority_code, field_code, industry_code, issued_on,
				                         valid_until, status)
				values (?, ?, ?, ?, '00', '01', ?, ?, ?)""")
			.params(id, number, bodyId, province.authority, issued, validUntil, status.name())
			.update();
		jdbc.sql("""
				insert into certificate_status_change (id, certificate_id, from_status, to_status, changed_at, changed_by, reason)
				values (nextval('certificate_status_change_seq'), ?, null, 'VALID', ?, '测试', '资质认定决定：准予许可')""")
			.params(id, issued.atStartOfDay().atOffset(OffsetDateTime.now().getOffset()))
			.update();
		return new Cert(id, number, bodyId, validUntil);
	}

	/** A body user of the body, with the given password. */
	public long account(String username, long bodyId, String password) {
		return Actors.callAs(Actor.SYSTEM, () -> accounts.createAtStartup(new AccountService.NewAccount(username,
				username, password, Set.of(Role.BODY_USER), null, bodyId))).id();
	}

	public String status(Cert certificate) {
		return jdbc.sql("select status from certificate where id = ?").param(certificate.id()).query(String.class).single();
	}

	/** The kinds of the body's notices, oldest first. */
	public List<String> noticeKinds(long bodyId) {
		return jdbc.sql("select kind from notification where body_id = ? order by id").param(bodyId)
			.query(String.class)
			.list();
	}

	/** The kinds of the notices about one certificate, oldest first. */
	public List<String> noticeKinds(Cert certificate) {
		return jdbc.sql("select kind from notification where body_id = ? and link in (?, ?) order by id")
			.params(certificate.bodyId(), "/certificates/" + certificate.number(),
					CertificateExpiry.renewalLink(certificate.number()))
			.query(String.class)
			.list();
	}

	/** Removes everything made here, once the registry's events about it have been handled. */
	public void removeAll() {
		if (bodies.isEmpty()) {
			return;
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
		transaction.executeWithoutResult(status -> {
			for (long body : bodies) {
				jdbc.sql("delete from notification_read where notification_id in (select id from notification where body_id = ?)")
					.param(body).update();
				jdbc.sql("delete from notification where body_id = ?").param(body).update();
				jdbc.sql("delete from certificate_reminder where certificate_id in (select id from certificate where body_id = ?)")
					.param(body).update();
				jdbc.sql("delete from certificate_status_change where certificate_id in (select id from certificate where body_id = ?)")
					.param(body).update();
				jdbc.sql("delete from certificate where body_id = ?").param(body).update();
				jdbc.sql("delete from account where body_id = ?").param(body).update();
				jdbc.sql("delete from body where id = ?").param(body).update();
				// an expiry event put the body into the search index: take it out again
				Search.session(entities).indexingPlan().purge(Body.class, body, null);
			}
		});
		bodies.clear();
	}
}
