package org.labtrust.identity;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page and the staff pages over HTTP, as a browser uses them: a session cookie, the
 * form's CSRF token, redirects. Against the running platform with its demo accounts.
 */
class StaffPagesTest extends IntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"new-key-secret\"[^>]*>(ltk_[a-z2-7]{12}_[A-Za-z0-9_-]{43})</textarea>");

	private static final Pattern AUDIT_ROW = Pattern.compile("<tr class=\"audit-row\"");

	private static final Pattern NEXT_LINK = Pattern.compile("<a href=\"([^\"]+)\" id=\"audit-next\"");

	/** Signed-in sessions by user name, so that the tests stay well under the sign-in rate limit. */
	private static final Map<String, StaffSession> SESSIONS = new ConcurrentHashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail auditTrail;

	private DemoCredentials demo;

	@BeforeEach
	void readCredentials() {
		demo = DemoCredentials.read(dataDir());
	}

	private StaffSession signedIn(String username) {
		return SESSIONS.computeIfAbsent(username, name -> {
			StaffSession session = new StaffSession(port);
			session.signIn(name, demo.account(name).password());
			return session;
		});
	}

	private static String unescape(String href) {
		return href.replace("&amp;", "&");
	}

	/** The table row of one key on the keys page. */
	private static String keyRow(String html, String keyId) {
		int start = html.indexOf("data-key-id=\"" + keyId + "\"");
		assertThat(start).as("row of key " + keyId).isNotNegative();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	private static String keyId(String secret) {
		return secret.substring("ltk_".length(), "ltk_".length() + 12);
	}

	private HttpResponse<String> me(String key) {
		return get("/api/v1/me", Map.of("Authorization", "Bearer " + key));
	}

	// --- sign-in

	@Test
	void theSignInPageHasLabelledFieldsACsrfTokenAndSaysWhatToDoAfterAFailure() {
		StaffSession anonymous = new StaffSession(port);
		HttpResponse<String> page = anonymous.get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"zh-CN\"", "工作人员登录", "<label for=\"username\">用户名</label>",
				"<label for=\"password\">密码</label>", "name=\"username\"", "type=\"password\"",
				"action=\"/login\"", "autocomplete=\"current-password\"")
			.doesNotContain("login-error", "login-signed-out", "/oauth2/authorization/");
		assertThat(StaffSession.csrf(page.body())).isNotBlank();

		// a wrong name or password: back to the form, with one message for both (and for a lockout)
		HttpResponse<String> refused = anonymous.postFrom(page.body(), "/login",
				Map.of("username", "no-such-user-" + System.nanoTime(), "password", "wrong password 1"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		HttpResponse<String> again = anonymous.follow(refused);
		assertThat(again.body()).contains("id=\"login-error\"", "role=\"alert\"", "用户名或密码不正确",
				"暂时锁定", "请稍后再试", "管理员");

		assertThat(anonymous.get("/login?logout").body()).contains("id=\"login-signed-out\"", "你已退出登录");
		HttpResponse<String> english = anonymous.get("/login?error&lang=en");
		assertThat(english.body()).contains("<html lang=\"en\"", "Staff sign-in", "<label for=\"username\">User name</label>",
				"The user name or password is wrong", "temporarily locked", "href=\"/login?error&amp;lang=zh-CN\"");
		anonymous.get("/login?lang=zh-CN");
	}

	@Test
	void staffPagesSendTheAnonymousToTheSignInPage() {
		StaffSession anonymous = new StaffSession(port);
		for (String path : List.of("/staff", "/staff/audit", "/staff/api-keys")) {
			HttpResponse<String> page = anonymous.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(302);
			assertThat(page.headers().firstValue("Location")).as(path)
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
	}

	// --- who am I

	@Test
	void theStaffHomeShowsEachPersonTheirRolesJurisdictionBodyAndOnlyThePagesTheyMayOpen() {
		String admin = signedIn("gd-administrator").get("/staff").body();
		assertThat(admin).contains("<h1>工作台</h1>", "id=\"whoami-username\">gd-administrator<",
				"id=\"whoami-roles\">系统管理员<", "广东省市场监督管理局", "（本省）", "href=\"/staff/audit\"",
				"href=\"/staff/api-keys\"", "查询审计记录、核验审计链")
			.doesNotContain("id=\"whoami-body\"", "href=\"/staff/reports\"");

		DemoCredentials.Account bodyAdmin = demo.account("gd-body-admin");
		String body = signedIn("gd-body-admin").get("/staff").body();
		assertThat(body).contains("id=\"whoami-roles\">机构管理员<", "id=\"whoami-body\"", bodyAdmin.bodyName(),
				"href=\"/bodies/" + bodyAdmin.bodyId() + "\"", "href=\"/staff/api-keys\"", "管理本机构的 API 密钥",
				"href=\"/staff/reports\"", "报告报送")
			.doesNotContain("href=\"/staff/audit\"", "id=\"whoami-jurisdiction\"", "系统管理员");

		// the header greets the person and signs out by POST with the CSRF token
		assertThat(body).contains("class=\"account-name\">gd-body-admin<", "action=\"/logout\"", "<meta name=\"_csrf\"",
				"<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"", "/js/staff.js")
			.doesNotContain("href=\"/login\"");

		String english = signedIn("gd-administrator").get("/staff?lang=en").body();
		assertThat(english).contains("<html lang=\"en\"", "Workspace", ">Administrator<", "Guangdong AMR", "Sign out");
		signedIn("gd-administrator").get("/staff?lang=zh-CN");
	}

	@Test
	void signingOutEndsTheSessionAndSaysSo() {
		StaffSession session = new StaffSession(port);
		HttpResponse<String> home = session.signIn("national-decision-officer",
				demo.account("national-decision-officer").password());
		assertThat(home.body()).contains("id=\"whoami-roles\">审批决定人员<", "国家市场监督管理总局", "（全国）",
				"href=\"/staff/applications\"", "待办申请：按办理期限排序", "暂停、撤销、注销或恢复资质认定证书")
			.doesNotContain("href=\"/staff/audit\"", "href=\"/staff/api-keys\"");

		HttpResponse<String> out = session.postFrom(home.body(), "/logout", Map.of());
		assertThat(out.statusCode()).isEqualTo(302);
		HttpResponse<String> landed = session.follow(out);
		assertThat(landed.statusCode()).isEqualTo(200);
		assertThat(landed.body()).contains("你已退出登录", "href=\"/login\"").doesNotContain("national-decision-officer");
		assertThat(session.get("/staff").statusCode()).isEqualTo(302);
	}

	@Test
	void everyStaffPageHasItsTextInBothLanguagesAndShowsNoInternals() {
		StaffSession admin = signedIn("national-administrator");
		String body = demo.account("gd-body-admin").bodyId().toString();
		try {
			for (String lang : List.of("zh-CN", "en")) {
				for (String path : List.of("/staff", "/staff/audit?verify=1", "/staff/api-keys",
						"/staff/api-keys?bodyId=" + body, "/staff/api-keys?bodyId=x")) {
					HttpResponse<String> page = admin.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
					assertThat(page.body()).as(path + " in " + lang)
						.contains("<html lang=\"" + lang + "\"")
						.doesNotContain("??", "Whitelabel", "Exception", "\tat org.", "SpelEvaluation");
				}
			}
		}
		finally {
			admin.get("/staff?lang=zh-CN");
		}
	}

	// --- the layout

	@Test
	void publicPagesOfferSignInToTheAnonymousAndAreNotCachedForSignedInPeople() {
		HttpResponse<String> anonymous = get("/");
		assertThat(anonymous.body()).contains("href=\"/login\"", ">登录<", "\"includeIndicatorStyles\":false")
			.doesNotContain("name=\"_csrf\"", "action=\"/logout\"", "/js/staff.js");
		assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");

		HttpResponse<String> signedIn = signedIn("gd-body-user").get("/");
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.body()).contains("class=\"account-name\">gd-body-user<", "href=\"/staff\"", "action=\"/logout\"",
				"<meta name=\"_csrf\"", "\"includeIndicatorStyles\":false");
		assertThat(signedIn.headers().allValues("Cache-Control")).noneMatch(v -> v.contains("public"))
			.anyMatch(v -> v.contains("no-store"));
	}

	// --- the audit trail

	@Test
	void theAuditPageIsForAdministratorsAndListsSignInsNewestFirst() {
		HttpResponse<String> denied = signedIn("gd-body-user").get("/staff/audit");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("没有权限", "返回工作台", "class=\"account-name\">gd-body-user<")
			.doesNotContain("audit-row");

		// a failed attempt, then the administrator's own sign-in
		StaffSession stranger = new StaffSession(port);
		String typed = "nobody-" + System.nanoTime();
		HttpResponse<String> refused = stranger.postFrom(stranger.get("/login").body(), "/login",
				Map.of("username", typed, "password", "not the password"));
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
		StaffSession admin = signedIn("national-administrator");

		HttpResponse<String> logins = admin.get("/staff/audit?action=login");
		assertThat(logins.statusCode()).isEqualTo(200);
		String html = logins.body();
		assertThat(html).contains("<h1>审计记录</h1>", "<label for=\"f-actor\">", "name=\"targetType\"", "name=\"from\"",
				"type=\"date\"", "value=\"login\"", "时间（北京时间）", "客户端地址", "请求编号", "id=\"verify-link\"");
		List<String> rows = rows(html);
		assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r).contains("data-action=\"login\""));
		assertThat(rows).anySatisfy(r -> assertThat(r).contains(">national-administrator<", "data-outcome=\"SUCCESS\"",
				">成功<", ">系统管理员<", "127.0.0.1"));
		assertThat(rows).anySatisfy(r -> assertThat(r).contains(typed, "data-outcome=\"FAILED\"", ">失败<"));
		assertThat(seqs(html)).isSortedAccordingTo((a, b) -> Long.compare(b, a));

		// filtered by actor and outcome
		String mine = admin.get("/staff/audit?actor=gd-body-user&action=login&outcome=SUCCESS").body();
		assertThat(rows(mine)).isNotEmpty()
			.allSatisfy(r -> assertThat(r).contains(">gd-body-user<", "data-outcome=\"SUCCESS\"", ">机构用户<"));
		assertThat(mine).contains("<option value=\"SUCCESS\" selected=\"selected\">");

		// what was typed comes back whole in the links of the page
		String odd = admin.get("/staff/audit?actor=a%26b%2Bc").body();
		assertThat(odd).contains("value=\"a&amp;b+c\"", "href=\"/staff/audit?actor=a%26b%2Bc&amp;verify=1\"",
				"href=\"/staff/audit?actor=a%26b%2Bc&amp;lang=en\"", "id=\"audit-empty\"", "没有符合条件的记录");

		// a bad filter: the page again, with the refusal and the filters as typed
		HttpResponse<String> bad = admin.get("/staff/audit?from=yesterday");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("data-code=\"AUDIT_FILTER_INVALID\"", "role=\"alert\"", "请按提示修改后重新提交",
				"value=\"yesterday\"").doesNotContain("class=\"audit-row\"");
	}

	@Test
	void theAuditPageTurnsPagesWithBeforeAndKeepsTheFilters() {
		String action = "staff-pages-test.page" + System.nanoTime();
		Actors.callAs(Actor.SYSTEM, () -> {
			for (int i = 0; i < 60; i++) {
				auditTrail.record(new AuditTrail.Entry(action, "test", "row-" + i, null, Map.of("n", "" + i)));
			}
			return null;
		});
		StaffSession admin = signedIn("national-administrator");
		String first = admin.get("/staff/audit?action=" + action).body();
		List<Long> firstSeqs = seqs(first);
		assertThat(firstSeqs).hasSize(50).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(first).contains("row-59", "本页 50 条").doesNotContain(">row-9<");
		Matcher next = NEXT_LINK.matcher(first);
		assertThat(next.find()).as("a next-page link").isTrue();
		String nextUrl = unescape(next.group(1));
		assertThat(nextUrl).contains("action=" + action, "before=" + firstSeqs.get(49));

		String second = admin.get(nextUrl).body();
		List<Long> secondSeqs = seqs(second);
		assertThat(secondSeqs).hasSize(10).allSatisfy(s -> assertThat(s).isLessThan(firstSeqs.get(49)));
		assertThat(second).contains(">row-0<", "id=\"audit-first\"").doesNotContain("id=\"audit-next\"");
	}

	@Test
	void onlyANationalAdministratorVerifiesTheChainAndOnlyWhenAsked() {
		StaffSession national = signedIn("national-administrator");
		assertThat(national.get("/staff/audit").body()).doesNotContain("id=\"verification\"");
		HttpResponse<String> verified = national.get("/staff/audit?verify=1");
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).contains("id=\"verification\"", "data-intact=\"true\"", "审计链完整", "链头哈希");

		StaffSession provincial = signedIn("gd-administrator");
		assertThat(provincial.get("/staff/audit").body()).doesNotContain("id=\"verify-link\"");
		HttpResponse<String> refused = provincial.get("/staff/audit?verify=1");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("data-code=\"FORBIDDEN\"", "超出了你的权限").doesNotContain("id=\"verification\"");
	}

	private static List<String> rows(String html) {
		List<String> rows = new java.util.ArrayList<>();
		Matcher m = AUDIT_ROW.matcher(html);
		while (m.find()) {
			rows.add(html.substring(m.start(), html.indexOf("</tr>", m.start())));
		}
		return rows;
	}

	private static List<Long> seqs(String html) {
		return rows(html).stream().map(r -> {
			Matcher m = Pattern.compile("data-seq=\"(\\d+)\"").matcher(r);
			assertThat(m.find()).isTrue();
			return Long.parseLong(m.group(1));
		}).toList();
	}

	// --- API keys

	@Test
	void aBodyAdministratorCreatesAKeySeenOnceThatWorksUntilRevoked() {
		DemoCredentials.Account bodyAdmin = demo.account("gd-body-admin");
		StaffSession session = signedIn("gd-body-admin");
		HttpResponse<String> page = session.get("/staff/api-keys");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("本机构的密钥：" + bodyAdmin.bodyName(), "demo filing key", ">有效<",
				"<label for=\"body-label\">名称</label>", "<label for=\"body-expires\">", "name=\"permissions\"")
			.doesNotContain("id=\"lookup-body\"", "id=\"create-partner-key\"", "id=\"new-key\"");

		String label = "LIMS 报告报送 " + System.nanoTime();
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("ownerKind", "BODY");
		form.put("label", label);
		form.put("expiresOn", "");
		form.put("permissions", List.of("REPORT_FILE"));
		HttpResponse<String> created = session.postFrom(page.body(), "/staff/api-keys", form);
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.headers().allValues("Cache-Control")).anyMatch(v -> v.contains("no-store"));
		assertThat(created.body()).contains("id=\"new-key\"", "请现在复制", "只显示这一次", label,
				"href=\"/staff/api-keys?lang=en\"").doesNotContain("_csrf=");
		Matcher secret = SECRET.matcher(created.body());
		assertThat(secret.find()).as("the key's text on the page").isTrue();
		String key = secret.group(1);
		String id = keyId(key);
		assertThat(keyRow(created.body(), id)).contains("data-state=\"ACTIVE\"", ">有效<", "从未使用");

		// shown once: the page's next answer lists the key without its text
		String listed = session.get("/staff/api-keys").body();
		assertThat(listed).contains(label).doesNotContain(key, "id=\"new-key\"");

		// the key works, as the body, with what was ticked
		HttpResponse<String> me = me(key);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		JsonNode who = json.readTree(me.body());
		assertThat(who.get("kind").asString()).isEqualTo("API_KEY");
		assertThat(who.get("bodyId").asLong()).isEqualTo(bodyAdmin.bodyId());
		assertThat(who.get("permissions").toString()).contains("REPORT_FILE");
		assertThat(keyRow(session.get("/staff/api-keys").body(), id)).contains("127.0.0.1").doesNotContain("从未使用");

		// revoked: back to the list with a confirmation, and the key is refused from then on
		HttpResponse<String> revoked = session.postFrom(listed, "/staff/api-keys/" + id + "/revoke", Map.of());
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(revoked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/api-keys"));
		String after = session.follow(revoked).body();
		assertThat(after).contains("id=\"revoked\"", "已吊销密钥“" + label + "”");
		assertThat(keyRow(after, id)).contains("data-state=\"REVOKED\"", ">已吊销<", "吊销于").doesNotContain("/revoke");
		HttpResponse<String> refused = me(key);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("API_KEY_REVOKED");
		// the confirmation is shown once
		assertThat(session.get("/staff/api-keys").body()).doesNotContain("id=\"revoked\"");
	}

	@Test
	void aRefusedKeyShowsThePageAgainWithTheReasonAndTheStatusOfTheRefusal() {
		StaffSession session = signedIn("gd-body-admin");
		String page = session.get("/staff/api-keys").body();

		HttpResponse<String> noLabel = session.postFrom(page, "/staff/api-keys",
				Map.of("ownerKind", "BODY", "label", "  ", "expiresOn", ""));
		assertThat(noLabel.statusCode()).isEqualTo(400);
		assertThat(noLabel.body()).contains("data-code=\"API_KEY_LABEL_INVALID\"", "role=\"alert\"", "请按提示修改后重新提交",
				"demo filing key").doesNotContain("id=\"new-key\"");

		HttpResponse<String> past = session.postFrom(page, "/staff/api-keys",
				Map.of("ownerKind", "BODY", "label", "过期的密钥", "expiresOn", "2020-01-01"));
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(past.body()).contains("data-code=\"API_KEY_EXPIRY_INVALID\"", "value=\"过期的密钥\"",
				"value=\"2020-01-01\"");

		// another body's key answers as if it did not exist, and stays active
		String otherKey = jdbc.sql("select id from api_key where body_id = ? and revoked_at is null limit 1")
			.param(demo.account("js-body-admin").bodyId())
			.query(String.class)
			.single();
		HttpResponse<String> notMine = session.postFrom(page, "/staff/api-keys/" + otherKey + "/revoke", Map.of());
		assertThat(notMine.statusCode()).isEqualTo(404);
		assertThat(notMine.body()).contains("data-code=\"API_KEY_NOT_FOUND\"", "不在你的管辖范围内",
				"href=\"/staff/api-keys?lang=en\"");
		assertThat(jdbc.sql("select revoked_at is null from api_key where id = ?").param(otherKey).query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void anAdministratorListsABodysKeysWithinTheJurisdictionAndManagesPartnerKeys() {
		StaffSession admin = signedIn("gd-administrator");
		DemoCredentials.Account gdBody = demo.account("gd-body-admin");
		DemoCredentials.Account jsBody = demo.account("js-body-admin");

		String partners = admin.get("/staff/api-keys").body();
		assertThat(partners).contains("合作部门系统的密钥：广东省市场监督管理局", "id=\"lookup-body\"",
				"id=\"create-partner-key\"", "id=\"create-body-key\"", "<option value=\"19\" selected=\"selected\">")
			.doesNotContain("demo partner", "<option value=\"10\"");

		HttpResponse<String> body = admin.get("/staff/api-keys?bodyId=" + gdBody.bodyId());
		assertThat(body.statusCode()).isEqualTo(200);
		assertThat(body.body()).contains("机构的密钥：" + gdBody.bodyName(), "demo filing key",
				"id=\"body-id\" name=\"bodyId\"", "value=\"" + gdBody.bodyId() + "\"");

		HttpResponse<String> elsewhere = admin.get("/staff/api-keys?bodyId=" + jsBody.bodyId());
		assertThat(elsewhere.statusCode()).isEqualTo(403);
		assertThat(elsewhere.body()).contains("data-code=\"FORBIDDEN\"").doesNotContain("demo filing key");
		HttpResponse<String> typo = admin.get("/staff/api-keys?bodyId=12a");
		assertThat(typo.statusCode()).isEqualTo(400);
		assertThat(typo.body()).contains("data-code=\"BODY_ID_INVALID\"", "机构编号“12a”应为数字");

		// a body key for a body of another province is refused; the form keeps what was typed
		HttpResponse<String> foreign = admin.postFrom(partners, "/staff/api-keys", Map.of("ownerKind", "BODY",
				"label", "跨省密钥", "bodyId", jsBody.bodyId().toString(), "permissions", "REPORT_FILE"));
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.body()).contains("data-code=\"FORBIDDEN\"", "value=\"跨省密钥\"").doesNotContain("id=\"new-key\"");

		// a partner key of the province: shown once, works with that jurisdiction, revoked back to the partner list
		String label = "海关核验系统 " + System.nanoTime();
		HttpResponse<String> created = admin.postFrom(partners, "/staff/api-keys", Map.of("ownerKind",
				"PARTNER", "label", label, "jurisdiction", "19", "permissions", List.of("REGISTRY_CROSS_CHECK")));
		assertThat(created.statusCode()).isEqualTo(200);
		Matcher secret = SECRET.matcher(created.body());
		assertThat(secret.find()).isTrue();
		String key = secret.group(1);
		assertThat(created.body()).contains("合作部门系统的密钥：广东省市场监督管理局", label);
		JsonNode who = json.readTree(me(key).body());
		assertThat(who.get("jurisdiction").asString()).isEqualTo("19");
		assertThat(who.get("roles").toString()).contains("PARTNER_SYSTEM");

		HttpResponse<String> revoked = admin.postFrom(created.body(), "/staff/api-keys/" + keyId(key) + "/revoke",
				Map.of());
		assertThat(revoked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/api-keys"));
		assertThat(keyRow(admin.follow(revoked).body(), keyId(key))).contains("data-state=\"REVOKED\"");
		assertThat(me(key).statusCode()).isEqualTo(401);
	}

	@Test
	void aNationalAdministratorSeesTheNationalPartnerKeys() {
		String page = signedIn("national-administrator").get("/staff/api-keys").body();
		assertThat(page).contains("合作部门系统的密钥：国家市场监督管理总局", "demo partner", "<option value=\"00\" selected=\"selected\">",
				"<option value=\"19\">", "<option value=\"10\">");
	}

	@Test
	void aFormPostedWithoutTheCsrfTokenIsRefused() {
		StaffSession session = signedIn("gd-body-admin");
		String label = "没有令牌 " + System.nanoTime();
		HttpResponse<String> create = session.post("/staff/api-keys", Map.of("ownerKind", "BODY", "label", label));
		assertThat(create.statusCode()).isEqualTo(403);
		assertThat(create.body()).doesNotContain("ltk_");
		String key = jdbc.sql("select id from api_key where body_id = ? and revoked_at is null limit 1")
			.param(demo.account("gd-body-admin").bodyId())
			.query(String.class)
			.single();
		assertThat(session.post("/staff/api-keys/" + key + "/revoke", Map.of()).statusCode()).isEqualTo(403);
		assertThat(session.post("/staff/api-keys/" + key + "/revoke", Map.of("_csrf", "forged")).statusCode())
			.isEqualTo(403);
		assertThat(session.get("/staff/api-keys").body()).doesNotContain(label);
		assertThat(jdbc.sql("select revoked_at is null from api_key where id = ?").param(key).query(Boolean.class).single())
			.isTrue();
	}
}
