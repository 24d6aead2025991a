package org.labtrust.identity;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators create, lock out and unlock accounts through the API, within their jurisdiction. */
class AccountsApiTest extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aProvincialAdministratorCreatesAnOfficerOfTheProvinceWhoCanThenSignIn() {
		DemoCredentials demo = DemoCredentials.read(dataDir());
		Client admin = Client.signedIn(port, "gd-administrator", demo.password("gd-administrator"));
		HttpResponse<String> created = admin.postJson("/api/v1/accounts", """
				{"username": "gd-new-inspector", "displayName": "王检查", "password": "inspect the lab 2026",
				 "roles": ["INSPECTOR"], "jurisdiction": "19"}""");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode account = json.readTree(created.body());
		assertThat(account.get("jurisdiction").asString()).isEqualTo("19");
		assertThat(created.body()).doesNotContain("inspect the lab 2026", "$2a$");
		Client.signedIn(port, "gd-new-inspector", "inspect the lab 2026"); // fails the test if it cannot

		assertThat(code(admin.postJson("/api/v1/accounts", """
				{"username": "gd-new-inspector", "password": "another long password", "roles": ["INSPECTOR"],
				 "jurisdiction": "19"}"""))).isEqualTo("409 USERNAME_TAKEN");
		assertThat(code(admin.postJson("/api/v1/accounts", """
				{"username": "gd-weak", "password": "short", "roles": ["INSPECTOR"], "jurisdiction": "19"}""")))
			.isEqualTo("400 PASSWORD_WEAK");
		assertThat(code(admin.postJson("/api/v1/accounts", """
				{"username": "js-by-gd", "password": "a long enough password", "roles": ["INSPECTOR"],
				 "jurisdiction": "10"}"""))).isEqualTo("403 FORBIDDEN");
		assertThat(code(admin.postJson("/api/v1/accounts", """
				{"username": "mixed", "password": "a long enough password", "roles": ["INSPECTOR", "BODY_USER"],
				 "jurisdiction": "19"}"""))).isEqualTo("400 ROLES_INVALID");
		assertThat(code(admin.postJson("/api/v1/accounts", "{\"roles\": [\"ROOT\"]}"))).isEqualTo("400 BODY_INVALID");
	}

	@Test
	void anAdministratorUnlocksALockedAccount() {
		DemoCredentials demo = DemoCredentials.read(dataDir());
		Client admin = Client.signedIn(port, "national-administrator", demo.password("national-administrator"));
		HttpResponse<String> created = admin.postJson("/api/v1/accounts", """
				{"username": "to-be-locked", "password": "the right password", "roles": ["ASSESSOR"]}""");
		assertThat(created.statusCode()).isEqualTo(201);
		long id = json.readTree(created.body()).get("id").asLong();
		Client someone = Client.anonymous(port);
		for (int i = 0; i < 5; i++) {
			someone.signIn("to-be-locked", "wrong password");
		}
		JsonNode locked = json.readTree(admin.get("/api/v1/accounts").body());
		assertThat(find(locked, id).get("locked").asBoolean()).isTrue();
		HttpResponse<String> unlocked = admin.postJson("/api/v1/accounts/" + id + "/unlock", "");
		assertThat(unlocked.statusCode()).isEqualTo(200);
		assertThat(json.readTree(unlocked.body()).get("locked").asBoolean()).isFalse();
		Client.signedIn(port, "to-be-locked", "the right password");
	}

	@Test
	void aPersonChangesTheirOwnPasswordButAKeyCannot() {
		DemoCredentials demo = DemoCredentials.read(dataDir());
		Client admin = Client.signedIn(port, "national-administrator", demo.password("national-administrator"));
		assertThat(admin.postJson("/api/v1/accounts", """
				{"username": "changes-password", "password": "the first password", "roles": ["ASSESSOR"]}""")
			.statusCode()).isEqualTo(201);
		Client person = Client.signedIn(port, "changes-password", "the first password");
		assertThat(code(person.postJson("/api/v1/me/password",
				"{\"currentPassword\": \"not it at all\", \"newPassword\": \"the second password\"}")))
			.isEqualTo("400 PASSWORD_CURRENT_WRONG");
		assertThat(code(person.postJson("/api/v1/me/password",
				"{\"currentPassword\": \"the first password\", \"newPassword\": \"short\"}")))
			.isEqualTo("400 PASSWORD_WEAK");
		assertThat(person.postJson("/api/v1/me/password",
				"{\"currentPassword\": \"the first password\", \"newPassword\": \"the second password\"}")
			.statusCode()).isEqualTo(204);
		Client.signedIn(port, "changes-password", "the second password");
		assertThat(Client.anonymous(port).signIn("changes-password", "the first password").headers()
			.firstValue("Location").orElseThrow()).contains("/login?error");
		assertThat(code(Client.withKey(port, demo.partnerKey()).postJson("/api/v1/me/password",
				"{\"currentPassword\": \"x\", \"newPassword\": \"y\"}"))).isEqualTo("403 FORBIDDEN");
	}

	private String code(HttpResponse<String> response) {
		return response.statusCode() + " " + json.readTree(response.body()).get("code").asString();
	}

	private static JsonNode find(JsonNode accounts, long id) {
		for (JsonNode account : accounts) {
			if (account.get("id").asLong() == id) {
				return account;
			}
		}
		throw new AssertionError("account " + id + " not listed");
	}
}
