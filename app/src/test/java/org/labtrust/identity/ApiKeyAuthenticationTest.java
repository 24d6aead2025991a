package org.labtrust.identity;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Permission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** API keys: what a key proves, what happens when it is wrong, revoked, expired or overused. */
class ApiKeyAuthenticationTest extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	private DemoCredentials demo;

	private long gdBody;

	@BeforeEach
	void readDemo() {
		demo = DemoCredentials.read(dataDir());
		gdBody = demo.bodyId("gd-body-admin");
	}

	@Test
	void aBodyKeyActsForItsBodyWithTheKeysPermissionsOnly() {
		HttpResponse<String> me = Client.withKey(port, demo.bodyKey(gdBody)).get("/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(me.body());
		assertThat(body.get("kind").asString()).isEqualTo("API_KEY");
		assertThat(body.get("bodyId").asLong()).isEqualTo(gdBody);
		assertThat(body.get("permissions").toString()).isEqualTo("[\"REPORT_FILE\"]");
		assertThat(me.headers().firstValue("Set-Cookie")).as("no session for key requests").isEmpty();

		HttpResponse<String> audit = Client.withKey(port, demo.bodyKey(gdBody)).get("/api/v1/audit");
		assertThat(audit.statusCode()).isEqualTo(403);
		assertThat(json.readTree(audit.body()).get("code").asString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void onlyTheHashOfTheSecretIsStored() throws Exception {
		ApiKeyService.Created created = create(null);
		String secret = created.secret().substring(("ltk_" + created.key().id() + "_").length());
		byte[] stored = jdbc.sql("select secret_sha256 from api_key where id = ?").param(created.key().id())
			.query(byte[].class).single();
		assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
		String row = jdbc.sql("select api_key::text from api_key where id = ?").param(created.key().id())
			.query(String.class).single();
		assertThat(row).doesNotContain(secret);
	}

	@Test
	void wrongKeysAnswer401WithAStableCode() {
		ApiKeyService.Created created = create(null);
		String wrongSecret = created.secret().substring(0, created.secret().length() - 1)
				+ (created.secret().endsWith("A") ? "B" : "A");
		for (String presented : new String[] { "garbage", "ltk_aaaaaaaaaaaa_" + "A".repeat(43), wrongSecret }) {
			HttpResponse<String> response = Client.withKey(port, presented).get("/api/v1/me");
			assertThat(response.statusCode()).as(presented).isEqualTo(401);
			assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("API_KEY_INVALID");
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		}
		// a wrong key is refused even on a public endpoint, so that the client learns of it
		assertThat(Client.withKey(port, "garbage").get("/api/v1/bodies").statusCode()).isEqualTo(401);
	}

	@Test
	void revocationTakesEffectOnTheNextRequest() {
		ApiKeyService.Created created = create(null);
		Client client = Client.withKey(port, created.secret());
		assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200);
		Actors.callAs(Actor.SYSTEM, () -> keys.revoke(Actor.SYSTEM, created.key().id()));
		HttpResponse<String> after = client.get("/api/v1/me");
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(json.readTree(after.body()).get("code").asString()).isEqualTo("API_KEY_REVOKED");
	}

	@Test
	void aRevocationByAnotherNodeReachesThisOneWithinMoments() {
		ApiKeyService.Created created = create(null);
		Client client = Client.withKey(port, created.secret());
		assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200); // now cached here
		// what another node's revoke() does: the row changes and the notice goes out on commit
		jdbc.sql("update api_key set revoked_at = now(), revoked_by = 'other-node' where id = ?")
			.param(created.key().id()).update();
		jdbc.sql("select pg_notify('labtrust_api_key_changed', ?)").param(created.key().id()).query(String.class)
			.single();
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			HttpResponse<String> after = client.get("/api/v1/me");
			assertThat(after.statusCode()).isEqualTo(401);
			assertThat(json.readTree(after.body()).get("code").asString()).isEqualTo("API_KEY_REVOKED");
		});
	}

	@Test
	void anExpiredKeyIsRefused() {
		ApiKeyService.Created created = create(null);
		jdbc.sql("update api_key set expires_at = now() - interval '1 second' where id = ?")
			.param(created.key().id()).update();
		HttpResponse<String> response = Client.withKey(port, created.secret()).get("/api/v1/me");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("API_KEY_EXPIRED");
	}

	@Test
	void lastUseIsRecordedForTheOwnerToSee() {
		ApiKeyService.Created created = create(null);
		assertThat(Client.withKey(port, created.secret()).get("/api/v1/me").statusCode()).isEqualTo(200);
		var row = jdbc.sql("select last_used_at is not null, last_used_from from api_key where id = ?")
			.param(created.key().id()).query((rs, n) -> new Object[] { rs.getBoolean(1), rs.getString(2) }).single();
		assertThat(row[0]).isEqualTo(true);
		assertThat((String) row[1]).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

	@Test
	void aKeyOverItsOwnRateLimitGets429WithRetryAfter() {
		ApiKeyService.Created created = create(3);
		Client client = Client.withKey(port, created.secret());
		for (int i = 0; i < 3; i++) {
			assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200);
		}
		HttpResponse<String> limited = client.get("/api/v1/me");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
		assertThat(json.readTree(limited.body()).get("code").asString()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void aBodyAdministratorCannotMakeKeysForAnotherBody() {
		long jsBody = demo.bodyId("js-body-admin");
		Actor gdAdmin = new Actor(Actor.Kind.PERSON, "test:gd-body-admin", "gd", Set.of(org.labtrust.shared.access.Role.BODY_ADMIN),
				org.labtrust.shared.access.Role.BODY_ADMIN.permissions(), null, gdBody);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.create(gdAdmin, new ApiKeyService.NewKey("x",
				ApiKey.OwnerKind.BODY, jsBody, null, null, null, null)))
			.hasMessageContaining("Not allowed");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.create(gdAdmin, new ApiKeyService.NewKey("x",
				ApiKey.OwnerKind.BODY, gdBody, null, Set.of(Permission.REGISTRY_CROSS_CHECK), null, null)))
			.hasMessageContaining("Permissions not grantable");
		assertThat(keys.create(gdAdmin, new ApiKeyService.NewKey("ok", ApiKey.OwnerKind.BODY, gdBody, null, null,
				LocalDate.now(ChinaTime.ZONE).plusDays(30), null)).key().bodyId()).isEqualTo(gdBody);
	}

	private ApiKeyService.Created create(Integer rateLimit) {
		return Actors.callAs(Actor.SYSTEM, () -> keys.create(Actor.SYSTEM, new ApiKeyService.NewKey("test key",
				ApiKey.OwnerKind.BODY, gdBody, null, null, null, rateLimit)));
	}
}
