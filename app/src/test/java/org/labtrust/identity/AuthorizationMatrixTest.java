package org.labtrust.identity;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application maps, called by every kind of caller: anonymous, each role
 * nationally, in Guangdong and in Jiangsu, users of a Guangdong and a Jiangsu body, an assessor, a
 * partner, a body's key and a partner's key. Resources in paths belong to Guangdong. The expected
 * answers are written out below, independently of the security configuration; an endpoint that
 * is mapped but missing here fails the test, so no endpoint can be added without a decided rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

	/** Who may call an endpoint. */
	private record Rule(Set<String> allowed, boolean scoped, boolean nationalOnly) {
	}

	private static final Set<String> EVERYONE = Set.of("*");

	private static final Set<String> SIGNED_IN = Set.of("+");

	private static final Set<String> ALL_REGULATORS = Set.of("ACCEPTANCE_OFFICER", "DECISION_OFFICER", "INSPECTOR",
			"PT_COORDINATOR", "CREDIT_OFFICER", "ADMINISTRATOR");

	/** The expected rules: "METHOD pattern" as the application maps it. */
	private static final Map<String, Rule> RULES = new LinkedHashMap<>();

	static {
		// public pages, public registry API, documentation, health, errors, sign-in
		for (String endpoint : List.of("GET /", "GET /search", "GET /bodies/{id}", "GET /certificates",
				"GET /certificates/{number}", "GET /login", "GET /api/v1/bodies", "GET /api/v1/bodies/{id}",
				"GET /api/v1/bodies/by-credit-code/{creditCode}", "GET /api/v1/certificates/{number}",
				"GET /api/v1/certificates/{number}/signed", "GET /api/v1/certificates/{number}/certificate.pdf",
				"GET /api/v1/keys",
				"GET /api/v1/exports/registry.csv", "GET /api/v1/exports/registry.jsonl", "GET /v3/api-docs",
				"GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html",
				"GET /actuator/health", "GET /actuator/health/**", "ANY /error", "GET /api/v1/calendar/{date}",
				"GET /api/v1/calendar/working-days", "GET /api/v1/calendar/years", "GET /api/v1/reports/verify",
				"GET /log/checkpoint", "GET /log/key", "GET /log/tile/**")) {
			RULES.put(endpoint, new Rule(EVERYONE, false, false));
		}
		RULES.put("GET /api/v1/me", new Rule(SIGNED_IN, false, false));
		RULES.put("GET /staff", new Rule(SIGNED_IN, false, false));
		Set<String> people = new TreeSet<>(ALL_REGULATORS);
		people.addAll(Set.of("BODY_ADMIN", "BODY_USER", "ASSESSOR", "PARTNER_SYSTEM"));
		RULES.put("POST /api/v1/me/password", new Rule(people, false, false)); // not keys
		// the inbox: a person's notices (their body's; none for people of no body), not a key's
		for (String endpoint : List.of("GET /api/v1/inbox", "POST /api/v1/inbox/{id}/read", "GET /staff/inbox",
				"POST /staff/inbox/{id}/read")) {
			RULES.put(endpoint, new Rule(people, false, false));
		}
		// operations
		for (String endpoint : List.of("GET /actuator", "GET /actuator/prometheus", "GET /actuator/info")) {
			RULES.put(endpoint, new Rule(Set.of("ADMINISTRATOR"), false, false));
		}
		// a body's internal record, certificate status, partner cross-checks
		Set<String> bodyRecord = new TreeSet<>(ALL_REGULATORS);
		bodyRecord.add("BODY_ADMIN");
		RULES.put("GET /api/v1/bodies/{id}/record", new Rule(bodyRecord, true, false));
		RULES.put("POST /api/v1/certificates/{number}/status", new Rule(Set.of("DECISION_OFFICER"), true, false));
		RULES.put("POST /api/v1/registry/cross-check", new Rule(Set.of("PARTNER_SYSTEM", "KEY_PARTNER"), false, false));
		// accounts
		RULES.put("GET /api/v1/accounts", new Rule(Set.of("ADMINISTRATOR"), false, false));
		RULES.put("POST /api/v1/accounts", new Rule(Set.of("ADMINISTRATOR"), false, false));
		for (String action : List.of("unlock", "disable", "enable")) {
			RULES.put("POST /api/v1/accounts/{id}/" + action, new Rule(Set.of("ADMINISTRATOR"), true, false));
		}
		// API keys
		Set<String> keyManagers = Set.of("ADMINISTRATOR", "BODY_ADMIN");
		RULES.put("GET /api/v1/api-keys", new Rule(keyManagers, false, false));
		RULES.put("POST /api/v1/api-keys", new Rule(keyManagers, false, false));
		RULES.put("GET /api/v1/api-keys/{id}", new Rule(keyManagers, true, false));
		RULES.put("POST /api/v1/api-keys/{id}/revoke", new Rule(keyManagers, true, false));
		RULES.put("GET /staff/api-keys", new Rule(keyManagers, false, false));
		RULES.put("POST /staff/api-keys", new Rule(keyManagers, false, false));
		RULES.put("POST /staff/api-keys/{id}/revoke", new Rule(keyManagers, true, false));
		// the audit trail
		RULES.put("GET /api/v1/audit", new Rule(Set.of("ADMINISTRATOR"), false, false));
		RULES.put("GET /staff/audit", new Rule(Set.of("ADMINISTRATOR"), false, false));
		RULES.put("GET /api/v1/audit/verify", new Rule(Set.of("ADMINISTRATOR"), false, true));
		// the working-day calendar is one for the whole country
		RULES.put("PUT /api/v1/calendar/years/{year}", new Rule(Set.of("ADMINISTRATOR"), false, true));

		Set<String> filers = Set.of("BODY_ADMIN", "BODY_USER", "KEY_BODY");
		RULES.put("POST /api/v1/reports/filings", new Rule(filers, false, false));
		RULES.put("POST /api/v1/reports/revocations", new Rule(filers, false, false));

		// the demo body key files reports only (APPLICATION_SUBMIT is for keys created with it)
		Set<String> applicants = Set.of("BODY_ADMIN", "BODY_USER");
		// assessors see an application only once drawn onto its team; the matrix's application has no members
		Set<String> handlers = Set.of("BODY_ADMIN", "BODY_USER", "ACCEPTANCE_OFFICER", "DECISION_OFFICER");
		RULES.put("POST /api/v1/applications", new Rule(applicants, false, false));
		RULES.put("GET /api/v1/applications", new Rule(Set.of("BODY_ADMIN", "BODY_USER", "ACCEPTANCE_OFFICER",
				"DECISION_OFFICER"), false, false));
		RULES.put("GET /api/v1/applications/{id}", new Rule(handlers, true, false));
		RULES.put("POST /api/v1/applications/{id}/events", new Rule(handlers, true, false));
		RULES.put("GET /api/v1/applications/{id}/team", new Rule(handlers, true, false));
		RULES.put("POST /api/v1/applications/{id}/team", new Rule(Set.of("ACCEPTANCE_OFFICER"), true, false));
		RULES.put("GET /api/v1/applications/procedures", new Rule(applicants, false, false));
		RULES.put("POST /api/v1/applications/{id}/attachments", new Rule(applicants, true, false));
		RULES.put("GET /api/v1/applications/{id}/attachments/{attachmentId}", new Rule(handlers, true, false));
		// the team records findings: the matrix's application has no members, so no one may
		RULES.put("POST /api/v1/applications/{id}/findings", new Rule(Set.of(), true, false));
		RULES.put("POST /api/v1/applications/{id}/findings/{findingId}/response", new Rule(applicants, true, false));
		// the report pages: verification and the log are public; the filing page is for those who file. A body's
		// key holds REPORT_FILE and a body, so it gets the page too (as HTML, which a system has no use for)
		for (String endpoint : List.of("GET /r/{certificate}/{*report}", "GET /reports/verify", "GET /log")) {
			RULES.put(endpoint, new Rule(EVERYONE, false, false));
		}
		RULES.put("GET /staff/reports", new Rule(filers, false, false));
		RULES.put("GET /staff/reports/example.csv", new Rule(filers, false, false));
		// the licensing pages: the wizard for applicants; the lists for everyone with a part in applications (an
		// assessor without tasks gets an empty list); a status page like the application's API
		RULES.put("GET /staff/applications/new", new Rule(applicants, false, false));
		RULES.put("GET /staff/applications", new Rule(Set.of("BODY_ADMIN", "BODY_USER", "ACCEPTANCE_OFFICER",
				"DECISION_OFFICER", "ASSESSOR"), false, false));
		RULES.put("GET /staff/applications/{id}", new Rule(handlers, true, false));
	}

	/** A caller: its label, the role it acts in, its jurisdiction, and whether it owns the Guangdong body. */
	private record Caller(String label, String role, String jurisdiction, boolean ownsGuangdongBody, Client client) {
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	private final List<Caller> callers = new ArrayList<>();

	private final Map<String, String> values = new LinkedHashMap<>();

	@BeforeAll
	void callersAndResources() {
		DemoCredentials demo = DemoCredentials.read(dataDir());
		long gdBody = demo.bodyId("gd-body-admin");
		callers.add(new Caller("anonymous", "ANONYMOUS", null, false, Client.anonymous(port)));
		for (String role : ALL_REGULATORS) {
			String suffix = role.toLowerCase().replace('_', '-');
			for (String[] j : new String[][] { { "national", "00" }, { "gd", "19" }, { "js", "10" } }) {
				String username = j[0] + "-" + suffix;
				callers.add(new Caller(username, role, j[1], false,
						Client.signedIn(port, username, demo.password(username))));
			}
		}
		for (String username : List.of("gd-body-admin", "gd-body-user", "js-body-admin", "js-body-user")) {
			callers.add(new Caller(username, demo.account(username).role(), null,
					username.startsWith("gd"), Client.signedIn(port, username, demo.password(username))));
		}
		callers.add(new Caller("assessor", "ASSESSOR", null, false,
				Client.signedIn(port, "assessor", demo.password("assessor"))));
		callers.add(new Caller("partner", "PARTNER_SYSTEM", null, false,
				Client.signedIn(port, "partner", demo.password("partner"))));
		callers.add(new Caller("body key", "KEY_BODY", null, true, Client.withKey(port, demo.bodyKey(gdBody))));
		callers.add(new Caller("partner key", "KEY_PARTNER", null, false, Client.withKey(port, demo.partnerKey())));

		values.put("bodyId", Long.toString(gdBody));
		values.put("number", jdbc.sql("""
				select number from certificate where body_id = ? and authority_code = '19' and status = 'VALID'
				order by id limit 1""").param(gdBody).query(String.class).single());
		values.put("creditCode", jdbc.sql("select credit_code from body where id = ?").param(gdBody)
			.query(String.class).single());
		values.put("applicationId", Long.toString(jdbc.sql("""
				insert into application (body_id, authority_code, type, procedure, state, field_codes, created_at, updated_at)
				values (?, '19', 'FIRST_LICENCE', 'GENERAL', 'DRAFT', '12', now(), now()) returning id""")
			.param(gdBody).query(Long.class).single()));
		jdbc.sql("""
				insert into assessment_team (application_id, drawn_at, drawn_by, sources, draw_key, pool, team_size, excluded)
				values (?, now(), 'matrix', '1', '1./', '', 0, '')""")
			.param(Long.parseLong(values.get("applicationId"))).update();
		values.put("attachmentId", Long.toString(jdbc.sql("""
				insert into application_attachment (application_id, kind, filename, content_type, size, sha256, content,
				                                    uploaded_at, uploaded_by)
				values (?, 'OTHER', 'matrix.pdf', 'application/pdf', 5, repeat('0', 64), '%PDF-'::bytea, now(), 'matrix')
				returning id""").param(Long.parseLong(values.get("applicationId"))).query(Long.class).single()));
		values.put("accountId", Long.toString(Actors.callAs(Actor.SYSTEM, () -> accounts.createAtStartup(
				new AccountService.NewAccount("matrix-target", "matrix", "a long enough password", Set.of(Role.BODY_USER),
						null, gdBody))).id()));
		values.put("keyId", Actors.callAs(Actor.SYSTEM, () -> keys.create(Actor.SYSTEM, new ApiKeyService.NewKey(
				"matrix target", ApiKey.OwnerKind.BODY, gdBody, null, null, null, null))).key().id());
	}

	@Test
	void everyMappedEndpointHasAnExpectedRule() {
		assertThat(mappedEndpoints()).allSatisfy(endpoint -> assertThat(RULES).as(
				"no rule decided for %s: add it to the security configuration and to this test", endpoint)
			.containsKey(endpoint));
	}

	@Test
	void everyCallerGetsExactlyWhatTheRulesAllow() {
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (String endpoint : mappedEndpoints()) {
			Rule rule = RULES.get(endpoint);
			if (rule == null) {
				continue; // reported by the other test
			}
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
			for (Caller caller : callers) {
				boolean expected = allowed(rule, caller);
				HttpResponse<String> response = caller.client()
					.send("ANY".equals(method) ? "GET" : method, path, body(path));
				boolean denied = denied(response, rule);
				if (expected == denied) {
					wrong.add(endpoint + " as " + caller.label() + ": expected " + (expected ? "allowed" : "denied")
							+ " but got " + response.statusCode() + " " + abbreviate(response.body()));
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(30 * 20);
		assertThat(wrong).isEmpty();
	}

	private static boolean allowed(Rule rule, Caller caller) {
		boolean anonymous = "ANONYMOUS".equals(caller.role());
		if (rule.allowed().contains("*")) {
			return true;
		}
		if (rule.allowed().contains("+")) {
			return !anonymous;
		}
		if (!rule.allowed().contains(caller.role())) {
			return false;
		}
		if (rule.nationalOnly() && !"00".equals(caller.jurisdiction())) {
			return false;
		}
		if (rule.scoped()) {
			boolean regulatorCovers = "00".equals(caller.jurisdiction()) || "19".equals(caller.jurisdiction());
			return regulatorCovers || caller.ownsGuangdongBody();
		}
		return true;
	}

	/** Refused: 401, 403, a redirect to sign in, or (for resources in another jurisdiction) 404. */
	private static boolean denied(HttpResponse<String> response, Rule rule) {
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			return true;
		}
		if (status == 302 && response.headers().firstValue("Location").orElse("").contains("/login")) {
			return true;
		}
		return rule.scoped() && status == 404;
	}

	private String concrete(String pattern) {
		String path = pattern.replace("/**", "/db");
		if (path.contains("/accounts/{id}")) {
			path = path.replace("{id}", values.get("accountId"));
		}
		if (path.contains("/applications/{id}")) {
			path = path.replace("{id}", values.get("applicationId"))
				.replace("{attachmentId}", values.get("attachmentId"))
				.replace("{findingId}", "1");
		}
		if (path.endsWith("/procedures")) {
			path += "?type=FIRST_LICENCE";
		}
		if (path.contains("api-keys/{id}")) {
			path = path.replace("{id}", values.get("keyId"));
		}
		path = path.replace("{certificate}", values.get("number")).replace("{*report}", "MATRIX-1");
		return path.replace("{id}", values.get("bodyId"))
			.replace("{number}", values.get("number"))
			.replace("{creditCode}", values.get("creditCode"))
			.replace("{date}", "2025-10-01")
			.replace("{year}", "2030")
			.replace("/working-days", "/working-days?from=2025-09-30&add=5");
	}

	/** Bodies that pass the permission check and then stop without changing anything lasting. */
	private static String body(String path) {
		if (path.endsWith("/status")) {
			return "{\"status\":\"VALID\",\"reason\":\"matrix test: no change\"}"; // VALID to VALID is refused after the checks
		}
		return "{}";
	}

	private List<String> mappedEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						endpoints.add("ANY " + pattern);
					}
					methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
				}
			}
		}
		return List.copyOf(endpoints);
	}

	private static String abbreviate(String body) {
		return body.length() > 160 ? body.substring(0, 160) + "…" : body;
	}
}
