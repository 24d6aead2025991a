package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.labtrust.shared.DomainException;

class AssessmentTeamDrawTest {

	static final long BODY = 42;

	static final List<List<Long>> SOURCES = List.of(List.of(9319L), List.of(2L, 5L, 12L, 8L, 10L));

	/** 30 assessors with seeded fields, organisations, conflicts and loads. */
	static List<AssessmentTeamDraw.Candidate> pool(long seed) {
		Random random = new Random(seed);
		List<AssessmentTeamDraw.Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Set<String> fields = random.nextBoolean() ? Set.of("12", "13") : Set.of("12");
			String organisation = i % 10 == 3 ? "BODY-ORG" : "ORG-" + i;
			Set<Long> conflicts = i % 7 == 0 ? Set.of(BODY) : Set.of();
			candidates.add(new AssessmentTeamDraw.Candidate(String.format("A%02d", i), fields, organisation, conflicts,
					random.nextInt(5)));
		}
		return candidates;
	}

	@Test
	void aDrawReplaysIdenticallyFromItsRecordAndDependsOnTheSources() {
		AssessmentTeamDraw.Record record = AssessmentTeamDraw.draw(pool(1), BODY, "BODY-ORG", Set.of("12"), 3, SOURCES);
		assertThat(record.team()).hasSize(3).doesNotHaveDuplicates();
		assertThat(record.leader()).isEqualTo(record.team().get(0));
		assertThat(record.replays()).isTrue();
		assertThat(record.key()).isEqualTo("9319./2.5.8.10.12./");
		// the same inputs in another order give the same team: the pool order is fixed by id
		List<AssessmentTeamDraw.Candidate> shuffled = new ArrayList<>(pool(1));
		java.util.Collections.shuffle(shuffled, new Random(5));
		assertThat(AssessmentTeamDraw.draw(shuffled, BODY, "BODY-ORG", Set.of("12"), 3, SOURCES).team())
			.isEqualTo(record.team());
		// a forged record does not replay
		List<String> forged = new ArrayList<>(record.team());
		java.util.Collections.reverse(forged);
		assertThat(new AssessmentTeamDraw.Record(record.pool(), record.key(), 3, forged, record.excluded()).replays())
			.isFalse();
		// other sources, (almost surely) another team
		List<String> other = AssessmentTeamDraw.draw(pool(1), BODY, "BODY-ORG", Set.of("12"), 3,
				List.of(List.of(1234L), List.of(7L, 9L))).team();
		assertThat(other).isNotEqualTo(record.team());
	}

	@Test
	void conflictsIncompetenceAndOverloadAreLeftOutWithTheirReason() {
		for (long seed = 1; seed <= 20; seed++) {
			List<AssessmentTeamDraw.Candidate> candidates = pool(seed);
			AssessmentTeamDraw.Record record = AssessmentTeamDraw.draw(candidates, BODY, "BODY-ORG", Set.of("12", "13"),
					2, SOURCES);
			for (AssessmentTeamDraw.Candidate c : candidates) {
				boolean inPool = record.pool().contains(c.id());
				if (c.conflictBodies().contains(BODY)) {
					assertThat(record.excluded()).containsEntry(c.id(), !c.fieldCodes().contains("13") ? "COMPETENCE"
							: "CONFLICT_DECLARED");
				}
				if (!c.fieldCodes().contains("13")) {
					assertThat(inPool).isFalse();
				}
				if ("BODY-ORG".equals(c.organisation())) {
					assertThat(inPool).isFalse();
				}
				assertThat(inPool || record.excluded().containsKey(c.id())).isTrue();
			}
			int maxInPool = candidates.stream().filter(c -> record.pool().contains(c.id()))
				.mapToInt(AssessmentTeamDraw.Candidate::workload).max().orElseThrow();
			assertThat(candidates.stream().filter(c -> "WORKLOAD".equals(record.excluded().get(c.id()))))
				.allMatch(c -> c.workload() > maxInPool);
			assertThat(record.pool().size()).isGreaterThanOrEqualTo(Math.min(4,
					(int) candidates.stream().filter(c -> !record.excluded().containsKey(c.id())
							|| "WORKLOAD".equals(record.excluded().get(c.id()))).count()));
			assertThat(record.replays()).isTrue();
		}
	}

	@Test
	void tooFewEligibleOrATeamOfOneIsRefused() {
		assertThatThrownBy(() -> AssessmentTeamDraw.draw(pool(1), BODY, "BODY-ORG", Set.of("99"), 2, SOURCES))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "ASSESSMENT_TEAM_TOO_SMALL");
		assertThatThrownBy(() -> AssessmentTeamDraw.draw(pool(1), BODY, "BODY-ORG", Set.of("12"), 1, SOURCES))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "ASSESSMENT_TEAM_SIZE_INVALID");
	}
}
