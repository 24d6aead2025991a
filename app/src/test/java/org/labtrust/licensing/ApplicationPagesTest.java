package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.licensing.internal.ApplicationService;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licensing pages over HTTP, signed in as the demo accounts: the officer's work queue puts an
 * overdue application above one due later and says by how many working days it is late; an
 * officer of another province does not see it; an assessor sees only the applications whose team
 * they are on; a body sees its own with the way to a new one; the status page offers each viewer
 * exactly their steps. In Chinese and in English.
 */
class ApplicationPagesTest extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern QUEUE_ROW = Pattern.compile("<tr class=\"application-row queue-row[^\"]*\"\\s+"
			+ "data-application-id=\"(\\d+)\"");

	/** Signed-in sessions by user name, kept for the class (sign-in is rate-limited and slow). */
	private static final Map<String, HttpClient> SESSIONS = new ConcurrentHashMap<>();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDayCalendar calendar;

	private JsonNode credentials() {
		try {
			return JsonMapper.builder().build().readTree(Files.readString(dataDir().resolve("demo-credentials.json")));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private JsonNode account(String username) {
		for (JsonNode a : credentials().get("accounts")) {
			if (a.get("username").asString().equals(username)) {
				return a;
			}
		}
		throw new IllegalArgumentException(username);
	}

	private HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpClient session(String username) {
		return SESSIONS.computeIfAbsent(username, name -> {
			HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NEVER).build();
			Matcher token = CSRF.matcher(send(client, HttpRequest.newBuilder(uri("/login")).GET().build()).body());
			assertThat(token.find()).isTrue();
			String form = "username=" + enc(name) + "&password=" + enc(account(name).get("password").asString())
					+ "&_csrf=" + enc(token.group(1));
			HttpResponse<String> signedIn = send(client, HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build());
			assertThat(signedIn.headers().firstValue("Location")).as("sign-in of " + name)
				.hasValueSatisfying(l -> assertThat(l).endsWith("/staff"));
			return client;
		});
	}

	private HttpResponse<String> page(String username, String path) {
		return send(session(username), HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html").GET().build());
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private long bodyOf(String username) {
		return account(username).get("bodyId").asLong();
	}

	/** An application stored straight into the state and clock a test needs. */
	private long application(long body, String authority, String state, String step, LocalDate due) {
		return application(body, authority, "FIRST_LICENCE", state, step, due);
	}

	private long application(long body, String authority, String type, String state, String step, LocalDate due) {
		return jdbc.sql("""
				insert into application (body_id, authority_code, type, procedure, state, field_codes, step, step_began_on,
				                         due_on, created_at, updated_at)
				values (?, ?, ?, 'GENERAL', ?, '12', ?, ?, ?, now(), now()) returning id""")
			.params(body, authority, type, state, step, due == null ? null : due.minusDays(7), due)
			.query(Long.class)
			.single();
	}

	private long demoAssessorId() {
		return jdbc.sql("select id from assessor where account_username = 'assessor'").query(Long.class).single();
	}

	private void team(long applicationId, long assessorId) {
		jdbc.sql("""
				insert into assessment_team (application_id, drawn_at, drawn_by, sources, draw_key, pool, team_size, excluded)
				values (?, now(), 'pages test', '1/2', '1./2./', ?, 2, '')""")
			.params(applicationId, Long.toString(assessorId)).update();
		jdbc.sql("insert into assessment_team_member (application_id, assessor_id, leader, position) values (?, ?, true, 0)")
			.params(applicationId, assessorId).update();
	}

	/** The queue's application ids in page order. */
	private static java.util.List<Long> queueIds(String html) {
		java.util.List<Long> ids = new java.util.ArrayList<>();
		Matcher m = QUEUE_ROW.matcher(html);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	/** The table row of one application, from its {@code <tr} (which carries the row's classes). */
	private static String row(String html, long id) {
		int at = html.indexOf("data-application-id=\"" + id + "\"");
		assertThat(at).as("row of application " + id).isNotNegative();
		int start = html.lastIndexOf("<tr", at);
		return html.substring(start, html.indexOf("</tr>", at));
	}

	@Test
	void theQueueShowsAnOverdueApplicationAboveOneDueLaterAndOnlyToItsProvince() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		long gdBody = bodyOf("gd-body-admin");
		LocalDate overdueOn = calendar.addWorkingDays(today.minusDays(60), 1);
		long overdue = application(gdBody, "19", "SUBMITTED", "ACCEPTANCE", overdueOn);
		long later = application(gdBody, "19", "ASSESSED", "DECISION", calendar.addWorkingDays(today, 8));
		long emergency = application(gdBody, "19", "EMERGENCY_EXTENSION", "SUBMITTED", "ACCEPTANCE",
				calendar.addWorkingDays(today, 9));
		long jiangsu = application(bodyOf("js-body-admin"), "10", "SUBMITTED", "ACCEPTANCE", today.minusDays(30));

		HttpResponse<String> queue = page("gd-acceptance-officer", "/staff/applications?lang=zh-CN");
		assertThat(queue.statusCode()).isEqualTo(200);
		String html = queue.body();
		java.util.List<Long> ids = queueIds(html);
		assertThat(ids).contains(overdue, later).doesNotContain(jiangsu);
		assertThat(ids.indexOf(overdue)).as("overdue before due later").isLessThan(ids.indexOf(later));
		assertThat(ids.indexOf(emergency)).as("emergency extensions first, as the service's queue")
			.isLessThan(ids.indexOf(overdue));
		assertThat(row(html, emergency)).contains("应急扩项", "class=\"badge badge-small emergency\"");
		int late = calendar.workingDaysBetween(overdueOn, today);
		assertThat(row(html, overdue)).contains("row-overdue", "data-overdue=\"true\"", "超期 " + late + " 个工作日",
				"待受理", "一般程序", "首次申请", "受理",
				overdueOn.getYear() + "年" + overdueOn.getMonthValue() + "月" + overdueOn.getDayOfMonth() + "日");
		assertThat(row(html, later)).doesNotContain("row-overdue").contains("剩 8 个工作日", "待决定", "审批决定");
		assertThat(html).contains("待办申请", "id=\"count-overdue\"", "广东省市场监督管理局")
			.doesNotContain("id=\"own\"", "id=\"tasks\"");
		Matcher overdueCount = Pattern.compile("id=\"count-overdue\" class=\"count-overdue\"><strong>([\\d,]+)</strong>")
			.matcher(html);
		assertThat(overdueCount.find()).isTrue();
		assertThat(Long.parseLong(overdueCount.group(1).replace(",", ""))).isEqualTo(jdbc.sql(
				"select count(*) from application where authority_code = '19' and due_on < ?")
			.param(today).query(Long.class).single());

		// the Jiangsu officer sees Jiangsu's, not Guangdong's, and cannot open Guangdong's status page
		String js = page("js-acceptance-officer", "/staff/applications").body();
		assertThat(queueIds(js)).contains(jiangsu).doesNotContain(overdue, later);
		HttpResponse<String> foreign = page("js-acceptance-officer", "/staff/applications/" + overdue);
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.body()).contains("APPLICATION_NOT_FOUND", "未找到该申请");

		// in English: ISO dates and the words
		String english = page("gd-acceptance-officer", "/staff/applications?lang=en").body();
		assertThat(english).contains("<html lang=\"en\"", "Work queue", "overdue", "Guangdong");
		assertThat(row(english, overdue)).contains(late + " working days overdue", overdueOn.toString(), "Submitted",
				"General procedure");
		page("gd-acceptance-officer", "/staff/applications?lang=zh-CN");
	}

	@Test
	void theStatusPageOffersEachViewerExactlyTheirSteps() {
		long gdBody = bodyOf("gd-body-admin");
		long submitted = application(gdBody, "19", "SUBMITTED", "ACCEPTANCE", LocalDate.now(ChinaTime.ZONE).plusDays(7));

		String officer = page("gd-acceptance-officer", "/staff/applications/" + submitted).body();
		assertThat(officer).contains("id=\"action-ACCEPT\"", "id=\"action-REQUEST_CORRECTION\"",
				"id=\"action-DECLINE\"", "需要补正的全部内容", "不予受理的理由和依据", "/js/application.js",
				"data-api=\"/api/v1/applications/" + submitted + "\"")
			.doesNotContain("id=\"action-WITHDRAW\"", "id=\"action-APPROVE\"", "id=\"team-form\"");
		// the reasons are required where the rule asks for them, and only there
		assertThat(officer).containsPattern("id=\"note-DECLINE\"[^>]*\\srequired")
			.doesNotContainPattern("id=\"note-ACCEPT\"[^>]*\\srequired");

		String decision = page("gd-decision-officer", "/staff/applications/" + submitted).body();
		assertThat(decision).contains("id=\"actions-none\"").doesNotContain("id=\"action-ACCEPT\"");

		String body = page("gd-body-admin", "/staff/applications/" + submitted).body();
		assertThat(body).contains("id=\"action-WITHDRAW\"")
			.doesNotContain("id=\"action-ACCEPT\"", "id=\"attachment-form\"");  // submitted: no more documents
		long draft = application(gdBody, "19", "DRAFT", null, null);
		assertThat(page("gd-body-admin", "/staff/applications/" + draft).body()).contains("id=\"attachment-form\"");

		String english = page("gd-body-admin", "/staff/applications/" + submitted + "?lang=en").body();
		assertThat(english).contains("Application " + submitted, "Statutory clock", "Withdraw", "Submitted");
		page("gd-body-admin", "/staff/applications?lang=zh-CN");

		assertThat(page("gd-body-admin", "/staff/applications/" + application(bodyOf("js-body-admin"), "10",
				"SUBMITTED", "ACCEPTANCE", LocalDate.now(ChinaTime.ZONE))).statusCode()).isEqualTo(404);
		assertThat(page("gd-body-admin", "/staff/applications/not-a-number").statusCode()).isEqualTo(404);
	}

	@Test
	void anAssessorSeesOnlyTheApplicationsWhoseTeamTheyAreOn() {
		long gdBody = bodyOf("gd-body-admin");
		long mine = application(gdBody, "19", "IN_ASSESSMENT", "ASSESSMENT", LocalDate.now(ChinaTime.ZONE).plusDays(20));
		long others = application(gdBody, "19", "IN_ASSESSMENT", "ASSESSMENT", LocalDate.now(ChinaTime.ZONE).plusDays(21));
		team(mine, demoAssessorId());
		team(others, jdbc.sql("select max(id) from assessor where id <> ?").param(demoAssessorId()).query(Long.class)
			.single());

		String html = page("assessor", "/staff/applications").body();
		assertThat(html).contains("我的评审任务", "data-application-id=\"" + mine + "\"", "组长")
			.doesNotContain("data-application-id=\"" + others + "\"", "id=\"queue\"", "id=\"own\"");
		String status = page("assessor", "/staff/applications/" + mine).body();
		assertThat(status).contains("id=\"action-REQUEST_RECTIFICATION\"", "id=\"action-CONCLUDE_ASSESSMENT\"",
				"id=\"finding-form\"", "评审员 1");
		assertThat(page("assessor", "/staff/applications/" + others).statusCode()).isEqualTo(404);
		assertThat(page("assessor", "/staff/applications/new").statusCode()).isEqualTo(403);
	}

	@Test
	void aBodySeesItsOwnApplicationsAndTheWayToANewOne() {
		long gdBody = bodyOf("gd-body-admin");
		long own = application(gdBody, "19", "CORRECTION_REQUESTED", "ACCEPTANCE", null);
		long jiangsu = application(bodyOf("js-body-admin"), "10", "SUBMITTED", "ACCEPTANCE", LocalDate.now(ChinaTime.ZONE));

		String html = page("gd-body-user", "/staff/applications").body();
		assertThat(html).contains("本机构的申请", "href=\"/staff/applications/new\"", "新申请", "待补正",
				"等待申请人，时限暂停")
			.doesNotContain("id=\"queue\"", "data-application-id=\"" + jiangsu + "\"");
		assertThat(row(html, own)).contains("待补正");

		String wizard = page("gd-body-user", "/staff/applications/new").body();
		assertThat(wizard).contains("id=\"wizard\"", "/js/application-wizard.js", "data-api=\"/api/v1/applications\"",
				"id=\"type-FIRST_LICENCE\"", "id=\"procedure-COMMITMENT\"", "data-covers=\"FIRST_LICENCE,RENEWAL,SCOPE_EXTENSION,SITE_CHANGE\"",
				"id=\"field-15\"", "告知承诺", "本机构郑重承诺");
		// a new value can be given for every change item the API takes, and for a site change's address
		for (ChangeItem item : ChangeItem.values()) {
			assertThat(wizard).contains("id=\"change-value-" + item + "\"");
		}
		assertThat(wizard).contains("id=\"change-value-" + ApplicationService.SITE_ADDRESS + "\"", "新场所地址");
		String english = page("gd-body-user", "/staff/applications/new?lang=en").body();
		assertThat(english).contains("New application", "Notification and commitment", "We solemnly commit");
		page("gd-body-user", "/staff/applications?lang=zh-CN");

		String home = page("gd-body-user", "/staff").body();
		assertThat(home).contains("href=\"/staff/applications\"", "提交资质认定申请");
	}
}
