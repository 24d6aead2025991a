package org.labtrust.identity;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.audit.JdbcAuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers, error answers that say what is wrong and nothing about the inside, request ids. */
class HardeningTest extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcAuditTrail trail;

	@Test
	void pagesCarryAStrictContentSecurityPolicyAndNoFraming() {
		HttpResponse<String> page = get("/");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
			.contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval"));
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(page.body()).doesNotContain("<script>", " onclick=", " style=\"");
	}

	@Test
	void publicAnswersStayCacheableBehindTheSecurityLayer() {
		HttpResponse<String> answer = get("/api/v1/bodies?size=1");
		assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(
				c -> assertThat(c).contains("public").doesNotContain("no-store"));
	}

	@Test
	void everyResponseCarriesARequestIdAndASaneOneIsEchoed() {
		assertThat(get("/api/v1/bodies?size=1").headers().firstValue("X-Request-Id")).isPresent();
		assertThat(get("/api/v1/bodies?size=1", java.util.Map.of("X-Request-Id", "partner-42")).headers()
			.firstValue("X-Request-Id")).hasValue("partner-42");
		assertThat(get("/api/v1/bodies?size=1", java.util.Map.of("X-Request-Id", "bad id <script>")).headers()
			.firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("script"));
	}

	@Test
	void validationErrorsAnswer400NotASignInDemand() throws Exception {
		Client partner = Client.withKey(port, DemoCredentials.read(dataDir()).partnerKey());
		HttpResponse<String> broken = partner.postJson("/api/v1/registry/cross-check", "{not json");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(json.readTree(broken.body()).get("code").asString()).isEqualTo("BODY_INVALID");
		assertThat(broken.body()).doesNotContain("Exception", "at org.", "tools.jackson");

		HttpResponse<String> badNumber = partner.postJson("/api/v1/registry/cross-check",
				"{\"certificates\":[\"12345\"]}");
		assertThat(badNumber.statusCode()).isEqualTo(400);
		assertThat(json.readTree(badNumber.body()).get("code").asString()).isEqualTo("CERT_NUMBER_INVALID");
	}

	@Test
	void unknownPathsAndWrongMethodsAreNotDressedAsRefusals() {
		HttpResponse<String> unknown = get("/api/v1/no-such-thing");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json.readTree(unknown.body()).get("code").asString()).isEqualTo("NOT_FOUND");
		HttpResponse<String> wrongMethod = Client.anonymous(port).postJsonWithoutCsrf("/api/v1/bodies", "{}");
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(Client.anonymous(port).get("/staff/no-such-page").statusCode()).isEqualTo(404);
		HttpResponse<String> staffApi = get("/api/v1/audit");
		assertThat(staffApi.statusCode()).isEqualTo(401);
		assertThat(json.readTree(staffApi.body()).get("code").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void aPartnerCrossChecksCertificatesAndCreditCodesAndTheReadIsAudited() {
		long before = audited();
		Client partner = Client.withKey(port, DemoCredentials.read(dataDir()).partnerKey());
		HttpResponse<String> answer = partner.postJson("/api/v1/registry/cross-check",
				"{\"certificates\":[\"152701060345\"],\"creditCodes\":[\"91350100M000100Y43\"]}");
		assertThat(answer.statusCode()).isEqualTo(200);
		var result = json.readTree(answer.body());
		assertThat(result.get("certificates").get(0).get("found").asBoolean()).isFalse();
		assertThat(result.get("creditCodes").get(0).get("found").asBoolean()).isFalse();
		assertThat(audited()).isEqualTo(before + 1);
	}

	private long audited() {
		trail.flush();
		return jdbc.sql("select count(*) from audit_entry where action = 'registry.cross-check' and actor_kind = 'API_KEY'")
			.query(Long.class).single();
	}
}
