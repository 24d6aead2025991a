package org.labtrust.identity;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.TestActors;
import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.internal.RegistryCommands;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Role;
import org.labtrust.identity.internal.audit.JdbcAuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Guangdong officer acts on Guangdong's bodies and certificates and on nothing of Jiangsu's,
 * whether through the API or by calling the services directly.
 */
class JurisdictionTest extends IntegrationTest {

	private static final Actor GD_DECISION = TestActors.officer(Role.DECISION_OFFICER, "19");

	private static final Actor GD_ADMIN = TestActors.officer(Role.ADMINISTRATOR, "19");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	RegistryCommands registry;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcAuditTrail trail;

	private DemoCredentials demo;

	@BeforeEach
	void demo() {
		demo = DemoCredentials.read(dataDir());
	}

	@Test
	void aGuangdongOfficerCannotChangeAJiangsuCertificateButCanAGuangdongOne() {
		String jiangsu = validCertificate("10");
		String guangdong = validCertificate("19");
		assertThatThrownBy(() -> registry.changeCertificateStatus(GD_DECISION, jiangsu, CertificateStatus.SUSPENDED,
				"跨辖区")).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThat(status(jiangsu)).isEqualTo("VALID");

		Actors.callAs(GD_DECISION, () -> registry.changeCertificateStatus(GD_DECISION, guangdong,
				CertificateStatus.SUSPENDED, "监督抽查不合格"));
		assertThat(status(guangdong)).isEqualTo("SUSPENDED");
		trail.flush();
		assertThat(jdbc.sql("""
				select actor_id || ' ' || target_authority from audit_entry
				where action = 'certificate.status.change' and target_id = ? order by seq desc limit 1""")
			.param(guangdong).query(String.class).single()).isEqualTo(GD_DECISION.id() + " 19");
		Actors.callAs(GD_DECISION, () -> registry.changeCertificateStatus(GD_DECISION, guangdong,
				CertificateStatus.VALID, "整改完成"));
	}

	@Test
	void aGuangdongOfficerReadsGuangdongBodyRecordsOnly() {
		Client officer = Client.signedIn(port, "gd-decision-officer", demo.password("gd-decision-officer"));
		HttpResponse<String> own = officer.get("/api/v1/bodies/" + demo.bodyId("gd-body-admin") + "/record");
		assertThat(own.statusCode()).isEqualTo(200);
		JsonNode record = json.readTree(own.body());
		assertThat(record.get("authorities").toString()).contains("19");
		assertThat(record.get("accounts").findValuesAsString("username")).contains("gd-body-admin");

		HttpResponse<String> other = officer.get("/api/v1/bodies/" + demo.bodyId("js-body-admin") + "/record");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(json.readTree(other.body()).get("code").asString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void aGuangdongAdministratorManagesGuangdongOnly() {
		assertThatThrownBy(() -> accounts.create(GD_ADMIN, new AccountService.NewAccount("js-new-inspector", null,
				"a long enough password", Set.of(Role.INSPECTOR), "10", null)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThat(accounts.list(GD_ADMIN, null)).isNotEmpty()
			.allSatisfy(a -> assertThat(a.jurisdiction().authorityCode()).isEqualTo("19"));

		long jsBody = demo.bodyId("js-body-admin");
		String jsKey = Actors.callAs(Actor.SYSTEM, () -> keys.create(Actor.SYSTEM,
				new ApiKeyService.NewKey("js key", ApiKey.OwnerKind.BODY, jsBody, null, null, null, null))).key().id();
		Client gdAdmin = Client.signedIn(port, "gd-administrator", demo.password("gd-administrator"));
		HttpResponse<String> hidden = gdAdmin.get("/api/v1/api-keys/" + jsKey);
		HttpResponse<String> unknown = gdAdmin.get("/api/v1/api-keys/aaaaaaaaaaaa");
		assertThat(hidden.statusCode()).as("another province's key looks like no key").isEqualTo(404);
		assertThat(json.readTree(hidden.body()).get("code").asString())
			.isEqualTo(json.readTree(unknown.body()).get("code").asString());
		assertThatThrownBy(() -> keys.revoke(GD_ADMIN, jsKey)).isInstanceOf(DomainException.class);
		assertThat(jdbc.sql("select revoked_at is null from api_key where id = ?").param(jsKey).query(Boolean.class)
			.single()).isTrue();
	}

	private String validCertificate(String authority) {
		return jdbc.sql("""
				select number from certificate where authority_code = ? and status = 'VALID' order by id desc limit 1""")
			.param(authority).query(String.class).single();
	}

	private String status(String number) {
		return jdbc.sql("select status from certificate where number = ?").param(number).query(String.class).single();
	}
}
