package org.labtrust.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.account.Account;
import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Role;
import org.labtrust.identity.internal.audit.JdbcAuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Repeated wrong passwords lock an account, with a back-off that doubles; every attempt is audited. */
class LockoutTest extends IntegrationTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcAuditTrail trail;

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
		Account account = create("lockout-one");
		Client client = Client.anonymous(port);
		for (int i = 0; i < 5; i++) {
			assertThat(failed(client.signIn("lockout-one", "wrong password " + i))).isTrue();
		}
		assertThat(failed(client.signIn("lockout-one", PASSWORD))).as("locked: the right password does not help")
			.isTrue();
		Instant lockedUntil = lockedUntil(account.id());
		assertThat(Duration.between(Instant.now(), lockedUntil).toSeconds()).isCloseTo(60, within(5L));

		trail.flush();
		List<String> outcomes = jdbc.sql("""
				select outcome from audit_entry where action = 'login' and target_id = 'lockout-one' order by seq""")
			.query(String.class).list();
		assertThat(outcomes).containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "LOCKED");

		Actors.callAs(Actor.SYSTEM, () -> accounts.unlock(Actor.SYSTEM, account.id()));
		assertThat(failed(client.signIn("lockout-one", PASSWORD))).as("unlocked by an administrator").isFalse();
	}

	@Test
	void eachFailureAfterALockDoublesTheNextLock() {
		Account account = create("lockout-two");
		Client client = Client.anonymous(port);
		for (int i = 0; i < 5; i++) {
			client.signIn("lockout-two", "wrong");
		}
		jdbc.sql("update account set locked_until = now() - interval '1 second' where id = ?").param(account.id()).update();
		assertThat(failed(client.signIn("lockout-two", "wrong again"))).isTrue();
		assertThat(Duration.between(Instant.now(), lockedUntil(account.id())).toSeconds()).isCloseTo(120, within(5L));
	}

	@Test
	void aSuccessResetsTheCountAndAnUnknownNameLooksLikeAWrongPassword() {
		Account account = create("lockout-three");
		Client client = Client.anonymous(port);
		client.signIn("lockout-three", "wrong");
		client.signIn("lockout-three", "wrong");
		assertThat(failed(client.signIn("lockout-three", PASSWORD))).isFalse();
		assertThat(jdbc.sql("select failed_logins from account where id = ?").param(account.id()).query(Integer.class)
			.single()).isZero();

		HttpResponse<String> unknown = Client.anonymous(port).signIn("nobody-by-this-name", "whatever it is");
		HttpResponse<String> wrong = Client.anonymous(port).signIn("lockout-three", "whatever it is");
		assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));
	}

	private Account create(String username) {
		return Actors.callAs(Actor.SYSTEM, () -> accounts.createAtStartup(new AccountService.NewAccount(username,
				username, PASSWORD, Set.of(Role.INSPECTOR), "19", null)));
	}

	private static boolean failed(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().contains("/login?error");
	}

	private Instant lockedUntil(long id) {
		return jdbc.sql("select locked_until from account where id = ?").param(id)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single().toInstant();
	}
}
