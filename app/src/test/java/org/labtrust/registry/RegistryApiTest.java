package org.labtrust.registry;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Permission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The public registry API against the seeded demo registry, the real database and the real index. */
class RegistryApiTest extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	private JsonNode getJson(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private List<Long> ids(JsonNode result) {
		List<Long> ids = new ArrayList<>();
		result.get("items").forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}

	@Test
	void chineseWordsFindOnlyBodiesWhoseNameOrValidScopeHasEveryWord() {
		JsonNode result = getJson("/api/v1/bodies?size=100&q=" + enc("大米 铅"));
		assertThat(result.get("total").asLong()).isPositive();
		for (long id : ids(result)) {
			long rows = jdbc.sql("""
					select count(*) from body b where b.id = ? and
					  (b.name like '%大米%' or exists (select 1 from certificate c join scope_row r on r.certificate_id = c.id
					     where c.body_id = b.id and r.status = 'VALID' and (r.object_name || r.method_title) like '%大米%'))
					  and (b.name like '%铅%' or exists (select 1 from certificate c join scope_row r on r.certificate_id = c.id
					     where c.body_id = b.id and r.status = 'VALID' and (r.parameter_name || r.method_title) like '%铅%'))""")
				.param(id)
				.query(Long.class)
				.single();
			assertThat(rows).as("body %d has 大米 and 铅 in name or valid scope", id).isEqualTo(1);
		}
	}

	@Test
	void traditionalCharactersFindTheSameBodiesAsSimplified() {
		JsonNode simplified = getJson("/api/v1/bodies?size=100&q=" + enc("检测 饮用水"));
		JsonNode traditional = getJson("/api/v1/bodies?size=100&q=" + enc("檢測 飲用水"));
		assertThat(simplified.get("total").asLong()).isPositive();
		assertThat(ids(traditional)).containsExactlyElementsOf(ids(simplified));
	}

	@Test
	void aStandardCodeMatchesExactlyTheBodiesWithThatMethodInValidScope() {
		String code = jdbc.sql("""
				select method_code from scope_row where status = 'VALID' and method_code like 'GB %'
				group by method_code order by count(*) desc, method_code limit 1""").query(String.class).single();
		Set<Long> expected = new HashSet<>(jdbc.sql("""
				select distinct c.body_id from scope_row r join certificate c on c.id = r.certificate_id
				where r.status = 'VALID' and r.method_code = ?""").param(code).query(Long.class).list());
		// written carelessly: lower case, no space, full-width dash
		String typed = code.toLowerCase().replace(" ", "").replace("-", "－");
		JsonNode result = getJson("/api/v1/bodies?size=100&q=" + enc(typed));
		assertThat(result.get("total").asLong()).isEqualTo(expected.size());
		assertThat(ids(result)).allMatch(expected::contains);
	}

	@Test
	void aCreditCodeOrCertificateNumberInTheSearchBoxFindsExactlyThatBody() {
		var row = jdbc.sql("select b.id, b.credit_code, c.number from body b join certificate c on c.body_id = b.id order by b.id limit 1")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.single();
		assertThat(ids(getJson("/api/v1/bodies?q=" + enc((String) row[1])))).containsExactly((Long) row[0]);
		assertThat(ids(getJson("/api/v1/bodies?q=" + row[2]))).containsExactly((Long) row[0]);
		assertThat(ids(getJson("/api/v1/bodies?creditCode=" + ((String) row[1]).toLowerCase()))).containsExactly((Long) row[0]);
	}

	@Test
	void provinceFilterKeepsOnlyThatProvinceAndFacetCountsAddUpToTheTotal() {
		JsonNode all = getJson("/api/v1/bodies?size=1");
		long total = all.get("total").asLong();
		long sum = 0;
		for (JsonNode v : all.get("facets").get("province")) {
			sum += v.get("count").asLong();
		}
		assertThat(sum).as("each body is in exactly one province").isEqualTo(total);
		assertThat(all.get("facets").get("province")).hasSize(31);

		JsonNode guangdong = getJson("/api/v1/bodies?size=100&province=44");
		assertThat(guangdong.get("total").asLong()).isEqualTo(
				jdbc.sql("select count(*) from body where province_code = '44'").query(Long.class).single());
		guangdong.get("items").forEach(i -> assertThat(i.get("province").get("code").asString()).isEqualTo("44"));
		assertThat(guangdong.get("items").get(0).get("province").get("name").asString()).isEqualTo("广东省");
	}

	@Test
	void statusFieldAndAuthorityFiltersMatchTheCertificates() {
		JsonNode suspended = getJson("/api/v1/bodies?size=100&status=suspended");
		assertThat(suspended.get("total").asLong()).isPositive();
		suspended.get("items").forEach(i -> assertThat(i.get("certificates").findValuesAsString("status")).contains("SUSPENDED"));

		JsonNode food = getJson("/api/v1/bodies?size=100&field=00&authority=00");
		food.get("items").forEach(i -> {
			assertThat(i.get("certificates").findValuesAsString("fieldCode")).contains("00");
			assertThat(i.get("certificates").findValuesAsString("authorityCode")).contains("00");
		});
	}

	@Test
	void pagesDoNotOverlapAndNameSortIsOrdered() {
		JsonNode first = getJson("/api/v1/bodies?sort=name&size=10&page=0");
		JsonNode second = getJson("/api/v1/bodies?sort=name&size=10&page=1");
		assertThat(ids(first)).hasSize(10).doesNotContainAnyElementsOf(ids(second));
		List<String> names = new ArrayList<>();
		first.get("items").forEach(i -> names.add(i.get("name").asString()));
		second.get("items").forEach(i -> names.add(i.get("name").asString()));
		assertThat(names).isSortedAccordingTo(String::compareTo);
	}

	@ParameterizedTest(name = "{0} answers {1} {2}")
	@CsvSource({ "/api/v1/certificates/12345, 400, CERT_NUMBER_INVALID",
			"/api/v1/certificates/15AB01060345, 400, CERT_NUMBER_INVALID",
			"/api/v1/certificates/159901060345, 400, CERT_NUMBER_INVALID",
			"/api/v1/certificates/152701060000, 400, CERT_NUMBER_INVALID",
			"/api/v1/certificates/152701060345, 404, CERT_NOT_FOUND",
			"/api/v1/bodies/by-credit-code/91350100M000100Y44, 400, CREDIT_CODE_INVALID",
			"/api/v1/bodies/by-credit-code/91350100M000100Y43, 404, BODY_NOT_FOUND",
			"/api/v1/bodies?creditCode=123, 400, CREDIT_CODE_INVALID", "/api/v1/bodies/abc, 400, BODY_ID_INVALID",
			"/api/v1/bodies/99999999, 404, BODY_NOT_FOUND", "/api/v1/bodies?page=-1, 400, PAGE_INVALID",
			"/api/v1/bodies?page=x, 400, PAGE_INVALID", "/api/v1/bodies?size=0, 400, PAGE_INVALID",
			"/api/v1/bodies?size=101, 400, PAGE_INVALID", "/api/v1/bodies?page=500&size=100, 400, PAGE_INVALID",
			"/api/v1/bodies?province=99, 400, FILTER_INVALID", "/api/v1/bodies?field=77, 400, FILTER_INVALID",
			"/api/v1/bodies?status=ACTIVE, 400, FILTER_INVALID", "/api/v1/bodies?authority=45, 400, FILTER_INVALID",
			"/api/v1/bodies?sort=random, 400, FILTER_INVALID", "/api/v1/no-such-thing, 404, NOT_FOUND" })
	void badInputAnswersAProblemWithAStableCode(String path, int status, String code) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception", "at org.");
	}

	@Test
	void aWrongMethodOnAnApiPathIsAProblemToo() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/bodies"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void aTooLongQueryIsRefused() {
		HttpResponse<String> response = get("/api/v1/bodies?q=" + "检".repeat(201));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("QUERY_TOO_LONG");
	}

	@Test
	void problemsSpeakChineseByDefaultAndEnglishWhenAsked() {
		JsonNode zh = json.readTree(get("/api/v1/certificates/12345").body());
		JsonNode en = json.readTree(get("/api/v1/certificates/12345", "en-US,en;q=0.9").body());
		assertThat(zh.get("title").asString()).isEqualTo("证书编号格式不正确");
		assertThat(zh.get("detail").asString()).contains("12345");
		assertThat(en.get("title").asString()).isEqualTo("Malformed certificate number");
	}

	@Test
	void aCertificateLookupGivesItsBodyStatusHistoryAndScope() {
		var row = jdbc.sql("""
				select c.number, b.name, c.status, (select count(*) from scope_row r where r.certificate_id = c.id)
				from certificate c join body b on b.id = c.body_id where c.status = 'REVOKED' order by c.id limit 1""")
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4) })
			.single();
		JsonNode certificate = getJson("/api/v1/certificates/" + row[0]);
		assertThat(certificate.get("body").get("name").asString()).isEqualTo(row[1]);
		assertThat(certificate.get("status").asString()).isEqualTo("REVOKED");
		assertThat(certificate.get("scope")).hasSize(((Long) row[3]).intValue());
		JsonNode history = certificate.get("history");
		assertThat(history.get(0).get("to").asString()).isEqualTo("VALID");
		assertThat(history.get(history.size() - 1).get("to").asString()).isEqualTo("REVOKED");
		assertThat(certificate.get("formattedNumber").asString()).hasSize(16);
	}

	@Autowired
	RegistryQueries queries;

	@Autowired
	JsonMapper appJson;

	@ParameterizedTest(name = "in {0}")
	@CsvSource({ "zh-CN", "en" })
	void theCertificateDocumentBuiltByTheDatabaseEqualsTheSerializedReadModel(String language) {
		// certificates with a changed status, with and without limitations or several sites
		List<String> numbers = jdbc.sql("""
				(select number from certificate where status <> 'VALID' order by id limit 3)
				union (select c.number from certificate c join scope_row r on r.certificate_id = c.id
				       where r.limitation is not null order by c.id limit 2)
				union (select number from certificate order by id desc limit 2)""").query(String.class).list();
		assertThat(numbers).hasSizeGreaterThanOrEqualTo(5);
		Locale locale = Locale.forLanguageTag(language);
		for (String number : numbers) {
			JsonNode fromDatabase = json.readTree(get("/api/v1/certificates/" + number, language).body());
			JsonNode fromReadModel = json.readTree(appJson.writeValueAsString(queries.certificate(number, locale)));
			assertThat(normalizeInstants(fromDatabase)).as(number).isEqualTo(normalizeInstants(fromReadModel));
		}
	}

	/** Both sides write instants in ISO 8601 UTC; fractions of a second may be written differently. */
	private JsonNode normalizeInstants(JsonNode certificate) {
		ObjectNode copy = (ObjectNode) certificate.deepCopy();
		for (String list : List.of("history", "decisions")) {
			copy.get(list).forEach(change -> ((ObjectNode) change).put("at",
					Instant.parse(change.get("at").asString()).toString()));
		}
		return copy;
	}

	@Test
	void aBodyLookupGivesSitesCertificatesAndEveryScopeRow() {
		long id = jdbc.sql("select body_id from certificate group by body_id having count(*) > 1 order by body_id limit 1")
			.query(Long.class)
			.single();
		JsonNode body = getJson("/api/v1/bodies/" + id);
		long rows = jdbc.sql("select count(*) from scope_row r join certificate c on c.id = r.certificate_id where c.body_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(body.get("certificates")).hasSize(2);
		assertThat(body.get("certificates").findValues("scope").stream().mapToInt(JsonNode::size).sum()).isEqualTo((int) rows);
		assertThat(body.get("sites").size()).isPositive();
		assertThat(CreditCode.isValid(body.get("creditCode").asString())).isTrue();
	}

	@Test
	void theCsvExportHasOneLinePerScopeRowAndTheJsonlExportOneLinePerCertificate() {
		HttpResponse<String> csv = get("/api/v1/exports/registry.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		String[] lines = csv.body().split("\r\n");
		long expectedRows = jdbc.sql("""
				select count(*) from certificate c left join scope_row r on r.certificate_id = c.id""").query(Long.class).single();
		assertThat(lines[0]).startsWith("credit_code,body_name,province_code,certificate_number");
		assertThat(lines.length - 1L).isEqualTo(expectedRows);

		HttpResponse<String> jsonl = get("/api/v1/exports/registry.jsonl");
		String[] records = jsonl.body().split("\n");
		assertThat((long) records.length).isEqualTo(jdbc.sql("select count(*) from certificate").query(Long.class).single());
		JsonNode first = json.readTree(records[0]);
		assertThat(first.get("number").asString()).matches("\\d{12}");
		assertThat(first.get("scope").isArray()).isTrue();
	}

	@Test
	void aClientThatAcceptsGzipGetsTheSameAnswerCompressed() throws Exception {
		String number = jdbc.sql("select number from certificate order by id limit 1").query(String.class).single();
		HttpResponse<String> plain = get("/api/v1/certificates/" + number);
		HttpResponse<byte[]> compressed = http.send(HttpRequest.newBuilder(uri("/api/v1/certificates/" + number))
			.header("Accept-Encoding", "gzip")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.headers().allValues("Vary").toString()).contains("Accept-Encoding");
		byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body())).readAllBytes();
		assertThat(json.readTree(unzipped)).isEqualTo(json.readTree(plain.body()));
		assertThat(compressed.body().length).isLessThan(plain.body().getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void theOpenApiDescriptionListsThePublicEndpoints() {
		JsonNode api = getJson("/v3/api-docs");
		assertThat(api.get("paths").propertyNames()).contains("/api/v1/bodies", "/api/v1/bodies/{id}",
				"/api/v1/certificates/{number}", "/api/v1/exports/registry.csv", "/api/v1/exports/registry.jsonl");
	}

	@Test
	void healthIncludesTheDatabaseAndPrometheusMetricsAreServed() {
		JsonNode health = getJson("/actuator/health");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(get("/actuator/prometheus").statusCode()).as("metrics are not public").isEqualTo(401);
		String monitoringKey = Actors.callAs(Actor.SYSTEM, () -> keys.create(Actor.SYSTEM, new ApiKeyService.NewKey(
				"prometheus", ApiKey.OwnerKind.PARTNER, null, "00", Set.of(Permission.METRICS_READ), null, null)))
			.secret();
		assertThat(get("/actuator/prometheus", Map.of("Authorization", "Bearer " + monitoringKey)).body())
			.contains("http_server_requests");
	}
}
