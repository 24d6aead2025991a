package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.TestActors;
import org.labtrust.identity.TestClients;
import org.labtrust.licensing.internal.Application;
import org.labtrust.licensing.internal.ApplicationService;
import org.labtrust.licensing.internal.AssessmentTeams;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The team of an accepted application drawn from the demo pool, recorded, replayable, and drawn once. */
class AssessmentTeamsTest extends IntegrationTest {

	@Autowired
	ApplicationService applications;

	@Autowired
	AssessmentTeams teams;

	@Autowired
	JdbcClient jdbc;

	final Actor acceptance = TestActors.officer(Role.ACCEPTANCE_OFFICER, "19");

	@Test
	void anAcceptedApplicationGetsOneReplayableTeamWithoutConflicts() {
		long bodyId = TestClients.bodyKey(dataDir(), "gd-body-admin").bodyId();
		Actor body = new Actor(Actor.Kind.PERSON, "test:body", "test-body", Set.of(Role.BODY_ADMIN),
				EnumSet.copyOf(Role.BODY_ADMIN.permissions()), null, bodyId);
		Application a = applications.open(body, new ApplicationService.NewApplication(ApplicationType.FIRST_LICENCE,
				Procedure.GENERAL, Set.of("12"), false, Set.of(), null, null, LicensingFixtures.environmentScope(jdbc, 1),
				java.util.Map.of(), false));
		assertThatThrownBy(() -> teams.draw(acceptance, a.id(), "9319/2.5.8.10.12", 3))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "ASSESSMENT_TEAM_NOT_NOW");
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		applications.act(acceptance, a.id(), ApplicationEvent.ACCEPT, null);

		// an assessor declares a conflict with this body: never drawn for it
		long conflicted = jdbc.sql("select min(id) from assessor").query(Long.class).single();
		jdbc.sql("insert into assessor_conflict (assessor_id, body_id, kind, declared_on) values (?, ?, 'CONSULTING', ?)")
			.params(conflicted, bodyId, LocalDate.now(ChinaTime.ZONE)).update();

		assertThatThrownBy(() -> teams.draw(acceptance, a.id(), "93x9/2", 3))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "DRAW_SOURCES_INVALID");
		AssessmentTeams.Team team = teams.draw(acceptance, a.id(), "9319/2.5.8.10.12", 3);
		assertThat(team.draw().team()).hasSize(3).doesNotContain(Long.toString(conflicted));
		assertThat(team.draw().excluded()).containsEntry(Long.toString(conflicted), "CONFLICT_DECLARED");
		assertThat(team.draw().replays()).isTrue();

		AssessmentTeams.Team stored = teams.team(acceptance, a.id()).orElseThrow();
		assertThat(stored.draw().team()).isEqualTo(team.draw().team());
		assertThat(stored.draw().pool()).isEqualTo(team.draw().pool());
		assertThat(stored.draw().excluded()).isEqualTo(team.draw().excluded());
		assertThat(stored.draw().replays()).isTrue();
		assertThat(jdbc.sql("select assessor_id from assessment_team_member where application_id = ? and leader")
			.param(a.id()).query(Long.class).single()).isEqualTo(Long.parseLong(team.draw().leader()));

		assertThatThrownBy(() -> teams.draw(acceptance, a.id(), "1/2", 3))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "ASSESSMENT_TEAM_DRAWN");
		assertThatThrownBy(() -> teams.draw(TestActors.officer(Role.ACCEPTANCE_OFFICER, "10"), a.id(), "1/2", 3))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "APPLICATION_NOT_FOUND");
		assertThat(team.draw().pool()).as("the pool keeps at least two candidates a seat").hasSizeGreaterThanOrEqualTo(6);
	}
}
