package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.TestActors;
import org.labtrust.identity.TestClients;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.licensing.internal.Application;
import org.labtrust.licensing.internal.ApplicationService;
import org.labtrust.licensing.internal.AssessmentTeams;
import org.labtrust.licensing.internal.Findings;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.labtrust.shared.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applications against the real database: each procedure taken start to end by the people whose
 * step it is, on the working-day clock; refusals of steps out of order, out of role and out of
 * jurisdiction; the officers' queue; and the API's answers for bad requests.
 */
class ApplicationLifecycleTest extends IntegrationTest {

	@Autowired
	ApplicationService applications;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Autowired
	jakarta.persistence.EntityManager entities;

	@org.junit.jupiter.api.AfterEach
	void removeTestBodies() {
		fixtures.removeAll();
	}

	TestClients.BodyKey gdBody;

	Actor body;

	final Actor acceptance = TestActors.officer(Role.ACCEPTANCE_OFFICER, "19");

	final Actor decision = TestActors.officer(Role.DECISION_OFFICER, "19");

	final Actor jiangsuDecision = TestActors.officer(Role.DECISION_OFFICER, "10");

	@Autowired
	AssessmentTeams teams;

	@Autowired
	Findings findings;

	LicensingFixtures fixtures;

	static Actor assessorNamed(String username) {
		return LicensingFixtures.assessorNamed(username);
	}

	Actor teamLeader(long applicationId) {
		return fixtures.teamLeader(teams, acceptance, applicationId);
	}

	/** A Guangdong body of its own (decisions write the registry), and the demo body for the API. */
	@BeforeEach
	void guangdongBody() {
		fixtures = new LicensingFixtures(jdbc, transaction, entities);
		gdBody = TestClients.bodyKey(dataDir(), "gd-body-admin");
		body = LicensingFixtures.bodyAdmin(fixtures.newBody("440106", "生命周期测试检测有限公司"));
	}

	/** The due date n working days after {@code from}, or null when it falls in a year without holiday data. */
	LocalDate due(LocalDate from, int n) {
		try {
			return calendar.addWorkingDays(from, n);
		}
		catch (DomainException e) {
			assertThat(e.code()).isEqualTo("CALENDAR_YEAR_UNKNOWN");
			return null;
		}
	}

	/** The clock as expected: a due date, or flagged unknown when the calendar cannot tell yet. */
	static void dueAsExpected(Application a, LocalDate expected) {
		assertThat(a.dueOn()).isEqualTo(expected);
		assertThat(a.dueUnknown()).isEqualTo(expected == null);
	}

	/** Opens with what the type needs: scope for a first licence, a certificate (from a first licence) otherwise. */
	Application open(ApplicationType type, Procedure procedure, Set<String> fields, Set<ChangeItem> changes) {
		boolean scoped = type == ApplicationType.FIRST_LICENCE || type == ApplicationType.SCOPE_EXTENSION;
		String certificate = type == ApplicationType.FIRST_LICENCE ? null : licensed();
		Map<String, String> values = new java.util.HashMap<>();
		changes.forEach(item -> values.put(item.name(), "新的" + item.name()));
		return applications.open(body, new ApplicationService.NewApplication(type, procedure, fields, false, changes,
				certificate, null, scoped ? fixtures.environmentScope(2) : List.of(), values,
				procedure == Procedure.COMMITMENT));
	}

	/** The body's certificate: licensed through the general procedure on first use. */
	String licensed() {
		return jdbc.sql("select number from certificate where body_id = ? and status = 'VALID' order by id limit 1")
			.param(body.bodyId())
			.query(String.class)
			.optional()
			.orElseGet(() -> {
				Application a = open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, Set.of("12"), Set.of());
				applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
				applications.act(acceptance, a.id(), ApplicationEvent.ACCEPT, null);
				Actor assessor = teamLeader(a.id());
				applications.act(assessor, a.id(), ApplicationEvent.START_ASSESSMENT, null);
				applications.act(assessor, a.id(), ApplicationEvent.CONCLUDE_ASSESSMENT, "符合");
				applications.act(decision, a.id(), ApplicationEvent.APPROVE, null);
				return applications.act(decision, a.id(), ApplicationEvent.ISSUE, null).issuedCertificateNumber();
			});
	}

	@Test
	void generalProcedureStartToCertificateOnTheClock() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Application a = open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, Set.of("12"), Set.of());
		assertThat(a.state()).isEqualTo(ApplicationState.DRAFT);
		assertThat(a.authorityCode()).isEqualTo("19");
		assertThat(a.dueOn()).isNull();

		a = applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		assertThat(a.step()).isEqualTo(Step.ACCEPTANCE);
		dueAsExpected(a, due(today, 5));

		a = applications.act(acceptance, a.id(), ApplicationEvent.REQUEST_CORRECTION, "营业执照副本缺失");
		assertThat(a.state()).isEqualTo(ApplicationState.CORRECTION_REQUESTED);
		assertThat(a.dueOn()).as("the clock stands while the applicant is asked").isNull();
		assertThat(a.waitingSince()).isEqualTo(today);

		a = applications.act(body, a.id(), ApplicationEvent.RESUBMIT, null);
		assertThat(a.step()).isEqualTo(Step.ACCEPTANCE);
		assertThat(a.stepBeganOn()).as("the acceptance step goes on, it does not restart").isEqualTo(today);
		dueAsExpected(a, due(today, 5 + a.pausedWorkingDays()));

		a = applications.act(acceptance, a.id(), ApplicationEvent.ACCEPT, null);
		assertThat(a.step()).isEqualTo(Step.ASSESSMENT);
		LocalDate assessmentDue = due(today, 30); // in the next year from late November: maybe unknown yet
		dueAsExpected(a, assessmentDue);
		long accepted = a.id();
		assertThatThrownBy(() -> applications.act(assessorNamed("assessor"), accepted, ApplicationEvent.START_ASSESSMENT,
				null)).as("an assessor not on the team does not even see it")
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "APPLICATION_NOT_FOUND");
		Actor assessor = teamLeader(a.id());
		a = applications.act(assessor, a.id(), ApplicationEvent.START_ASSESSMENT, null);
		dueAsExpected(a, assessmentDue); // assessment runs from acceptance
		long findingOf = a.id();
		assertThatThrownBy(() -> applications.act(assessor, findingOf, ApplicationEvent.REQUEST_RECTIFICATION, null))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "NONCONFORMITIES_MISSING");
		var finding = findings.record(assessor, a.id(), "RB/T 214-2017 4.4.3", "设备未检定", "校准证书过期", true);
		a = applications.act(assessor, a.id(), ApplicationEvent.REQUEST_RECTIFICATION, "不符合项 1 项");
		assertThat(a.rectificationDueOn()).isEqualTo(due(today, 30));
		assertThatThrownBy(() -> applications.act(body, findingOf, ApplicationEvent.RECTIFY, null))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "RECTIFICATION_INCOMPLETE");
		findings.respond(body, a.id(), finding.id(), "已送检，附新校准证书");
		a = applications.act(body, a.id(), ApplicationEvent.RECTIFY, null);
		assertThat(a.state()).isEqualTo(ApplicationState.IN_ASSESSMENT);
		a = applications.act(assessor, a.id(), ApplicationEvent.CONCLUDE_ASSESSMENT, "符合");
		assertThat(a.step()).isEqualTo(Step.DECISION);
		dueAsExpected(a, due(today, 10));

		long id = a.id();
		assertThatThrownBy(() -> applications.act(acceptance, id, ApplicationEvent.APPROVE, null))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("status", 403);
		assertThatThrownBy(() -> applications.act(jiangsuDecision, id, ApplicationEvent.APPROVE, null))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "APPLICATION_NOT_FOUND");
		a = applications.act(decision, id, ApplicationEvent.APPROVE, null);
		assertThat(a.step()).isEqualTo(Step.ISSUANCE);
		a = applications.act(decision, id, ApplicationEvent.ISSUE, null);
		assertThat(a.state()).isEqualTo(ApplicationState.ISSUED);
		assertThat(a.issuedCertificateNumber()).matches("\\d{2}191234\\d{4}");
		assertThat(a.dueOn()).isNull();
		assertThat(a.dueUnknown()).isFalse();
		assertThatThrownBy(() -> applications.act(acceptance, id, ApplicationEvent.ACCEPT, null))
			.isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "APPLICATION_TRANSITION_INVALID");

		List<Application.Event> history = applications.history(id);
		assertThat(history).extracting(Application.Event::event).containsExactly("SUBMIT", "REQUEST_CORRECTION",
				"RESUBMIT", "ACCEPT", "START_ASSESSMENT", "REQUEST_RECTIFICATION", "RECTIFY", "CONCLUDE_ASSESSMENT",
				"APPROVE", "ISSUE");
		assertThat(history.get(1).note()).isEqualTo("营业执照副本缺失");
	}

	@Test
	void decidingBeforeAcceptanceIsRefusedWithAStableCode() {
		Application a = open(ApplicationType.SCOPE_EXTENSION, Procedure.COMMITMENT, Set.of("12"), Set.of());
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		assertThatThrownBy(() -> applications.act(decision, a.id(), ApplicationEvent.APPROVE, null))
			.isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "APPLICATION_TRANSITION_INVALID")
			.hasFieldOrPropertyWithValue("status", 409);
		applications.act(acceptance, a.id(), ApplicationEvent.ACCEPT, null);
		Application approved = applications.act(decision, a.id(), ApplicationEvent.APPROVE, null);
		Application issued = applications.act(decision, a.id(), ApplicationEvent.ISSUE, null);
		assertThat(issued.state()).isEqualTo(ApplicationState.AWAITING_VERIFICATION);
		assertThat(issued.dueOn()).as("verification within 3 months").isEqualTo(LocalDate.now(ChinaTime.ZONE).plusMonths(3));
		assertThat(approved.step()).isEqualTo(Step.ISSUANCE);
	}

	@Test
	void proceduresTheLawDoesNotAllowAreRefusedAtOpening() {
		assertThatThrownBy(() -> open(ApplicationType.FIRST_LICENCE, Procedure.COMMITMENT, Set.of("15"), Set.of()))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "COMMITMENT_EXCLUDED_FIELD");
		assertThatThrownBy(() -> open(ApplicationType.FIRST_LICENCE, Procedure.SELF_DECLARATION, Set.of("12"), Set.of()))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "PROCEDURE_NOT_FOR_TYPE");
		Application declared = open(ApplicationType.CHANGE, Procedure.SELF_DECLARATION, Set.of(),
				Set.of(ChangeItem.TOP_MANAGER));
		assertThat(applications.act(body, declared.id(), ApplicationEvent.SUBMIT, null).state())
			.isEqualTo(ApplicationState.EFFECTIVE);
	}

	@Test
	void officersSeeTheirJurisdictionsOpenWorkSoonestDueFirst() {
		Application a = open(ApplicationType.RENEWAL, Procedure.DOCUMENT_REVIEW, Set.of("12"), Set.of());
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		Application emergency = applications.open(body, new ApplicationService.NewApplication(
				ApplicationType.EMERGENCY_EXTENSION, Procedure.GENERAL, Set.of("12"), false, Set.of(), licensed(), null,
				fixtures.environmentScope(1), Map.of(), false));
		applications.act(body, emergency.id(), ApplicationEvent.SUBMIT, null);
		List<Application> queue = applications.queue(acceptance, 1000);
		assertThat(queue).extracting(Application::id).contains(a.id(), emergency.id());
		// unknown due dates first, then emergency extensions, then soonest due
		List<Application> known = queue.stream().filter(q -> !q.dueUnknown()).toList();
		assertThat(queue.subList(0, queue.size() - known.size())).allMatch(Application::dueUnknown);
		List<Application> emergencies = known.stream().takeWhile(q -> q.type() == ApplicationType.EMERGENCY_EXTENSION)
			.toList();
		assertThat(emergencies).extracting(Application::id).contains(emergency.id());
		assertThat(known.subList(emergencies.size(), known.size())).extracting(Application::dueOn).isSorted()
			.allMatch(due -> due != null);
		assertThat(known.subList(emergencies.size(), known.size())).noneMatch(q -> q.type() == ApplicationType.EMERGENCY_EXTENSION);
		assertThat(applications.queue(jiangsuDecision, 1000)).extracting(Application::id).doesNotContain(a.id());
		assertThat(applications.queue(body, 1000)).extracting(Application::id).contains(a.id());
		// the Jiangsu officer could decide: what keeps the application from their queue is jurisdiction
		assertThat(jiangsuDecision.has(Permission.APPLICATION_DECIDE)).isTrue();
	}

	HttpResponse<String> post(String path, String json, String key) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + key).header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Autowired
	ApiKeyService keys;

	@Test
	void theApiOpensSubmitsAndRefusesWithStableCodes() {
		assertThat(post("/api/v1/applications", "{}", gdBody.key()).statusCode())
			.as("the demo key files reports only").isEqualTo(403);
		String key = org.labtrust.shared.access.Actors.callAs(Actor.SYSTEM, () -> keys.create(Actor.SYSTEM,
				new ApiKeyService.NewKey("applications", ApiKey.OwnerKind.BODY, gdBody.bodyId(), null,
						Set.of(Permission.APPLICATION_SUBMIT), null, null))).secret();
		HttpResponse<String> opened = post("/api/v1/applications",
				"{\"type\": \"FIRST_LICENCE\", \"procedure\": \"GENERAL\", \"fieldCodes\": [\"12\"], \"scope\": "
						+ "[{\"objectName\": \"水\", \"parameterName\": \"pH\", \"methodCode\": \"HJ 1147-2020\"}]}",
				key);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String location = opened.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> submitted = post(location + "/events", "{\"event\": \"SUBMIT\"}", key);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.body()).contains("\"state\":\"SUBMITTED\"", "\"workingDaysLeft\":5", "\"overdue\":false");

		assertThat(post(location + "/events", "{\"event\": \"TELEPORT\"}", key).body())
			.contains("APPLICATION_EVENT_INVALID");
		assertThat(post(location + "/events", "{\"event\": \"APPROVE\"}", key).statusCode()).isEqualTo(403);
		HttpResponse<String> excluded = post("/api/v1/applications",
				"{\"type\": \"FIRST_LICENCE\", \"procedure\": \"COMMITMENT\", \"fieldCodes\": [\"15\"]}", key);
		assertThat(excluded.statusCode()).isEqualTo(422);
		assertThat(excluded.body()).contains("COMMITMENT_EXCLUDED_FIELD", "medical devices");
		assertThat(post("/api/v1/applications", "{\"type\": \"FIRST_LICENCE\", \"procedure\": \"GENERAL\", "
				+ "\"fieldCodes\": [\"99\"]}", key).body()).contains("FIELD_CODE_INVALID");

		long jiangsu = TestClients.bodyKey(dataDir(), "js-body-admin").bodyId();
		String other = org.labtrust.shared.access.Actors.callAs(Actor.SYSTEM, () -> keys.create(Actor.SYSTEM,
				new ApiKeyService.NewKey("applications", ApiKey.OwnerKind.BODY, jiangsu, null,
						Set.of(Permission.APPLICATION_SUBMIT), null, null))).secret();
		assertThat(post(location + "/events", "{\"event\": \"WITHDRAW\"}", other).statusCode()).isEqualTo(404);
	}
}
