package org.labtrust.identity.internal.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.account.Account;
import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.labtrust.identity.internal.audit.JdbcAuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A province's identity provider decides roles and jurisdiction through claims, at every sign-in. */
class OidcAccountsTest extends IntegrationTest {

	private static final String ISSUER = "https://sso.gd.example.gov.cn/realms/amr";

	@Autowired
	OidcAccounts oidc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcAuditTrail trail;

	@Test
	void claimsBecomeAnAccountThatFollowsTheProviderAtEachSignIn() {
		Account first = oidc.provision("gd", ISSUER, "sub-1", "li.ming", "李明",
				Map.of("labtrust_roles", List.of("decision_officer"), "labtrust_jurisdiction", "19"));
		assertThat(first.username()).isEqualTo("gd:li.ming");
		assertThat(first.roles()).containsExactly(Role.DECISION_OFFICER);
		assertThat(first.jurisdiction()).isEqualTo(new Jurisdiction("19"));
		assertThat(first.passwordHash()).as("no local password").isNull();
		assertThat(first.actor().has(Permission.CERTIFICATE_STATUS_CHANGE)).isTrue();

		Account again = oidc.provision("gd", ISSUER, "sub-1", "li.ming", "李明",
				Map.of("labtrust_roles", "INSPECTOR", "labtrust_jurisdiction", "19"));
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.roles()).containsExactly(Role.INSPECTOR);
		assertThat(again.actor().has(Permission.CERTIFICATE_STATUS_CHANGE)).as("a role taken away is gone").isFalse();
		trail.flush();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.provision' and target_id = ?")
			.param("account:" + first.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aBodyUserIsBoundToTheBodyNamedByCreditCode() {
		var body = jdbc.sql("select id, credit_code from body order by id limit 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		Account account = oidc.provision("gd", ISSUER, "sub-2", "lab.user", null,
				Map.of("labtrust_roles", List.of("BODY_USER"), "labtrust_body", body[1]));
		assertThat(account.bodyId()).isEqualTo(body[0]);
		assertThat(account.jurisdiction()).isNull();
	}

	@Test
	void claimsThatGrantNothingValidAreRefused() {
		assertThatThrownBy(() -> oidc.provision("gd", ISSUER, "sub-3", "x", null, Map.of("labtrust_roles", "ROOT")))
			.isInstanceOf(OAuth2AuthenticationException.class);
		assertThatThrownBy(() -> oidc.provision("gd", ISSUER, "sub-4", "y", null,
				Map.of("labtrust_roles", "INSPECTOR", "labtrust_jurisdiction", "77")))
			.isInstanceOf(OAuth2AuthenticationException.class);
		assertThatThrownBy(() -> oidc.provision("gd", ISSUER, "sub-5", "z", null,
				Map.of("labtrust_roles", "BODY_ADMIN", "labtrust_body", "91350100M000100Y43")))
			.isInstanceOf(OAuth2AuthenticationException.class);
		assertThat(jdbc.sql("select count(*) from account where oidc_subject in ('sub-3','sub-4','sub-5')")
			.query(Long.class).single()).isZero();
	}
}
