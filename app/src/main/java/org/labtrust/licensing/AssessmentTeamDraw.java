package org.labtrust.licensing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.labtrust.shared.DomainException;
import org.labtrust.shared.draw.VerifiableDraw;

/**
 * Draws an assessment team at random (BRIEF 1.4: at least two assessors, one the leader) from the
 * assessors competent in every field applied for, without conflicts of interest, and not among the
 * most loaded. The draw is RFC 3797 over a pool in a fixed public order, with sources fixed before
 * they are known (e.g. the next lottery numbers), so that anyone can replay it from its record.
 */
public final class AssessmentTeamDraw {

	/**
	 * An assessor as the draw sees them.
	 *
	 * @param organisation the credit code of the organisation they work for
	 * @param conflictBodies bodies they declared a conflict with: prior consulting, recent employment
	 * @param workload assessments they are on now
	 */
	public record Candidate(String id, Set<String> fieldCodes, String organisation, Set<Long> conflictBodies,
			int workload) {

		public Candidate {
			fieldCodes = Set.copyOf(fieldCodes);
			conflictBodies = Set.copyOf(conflictBodies);
		}
	}

	/**
	 * What was drawn and from what, enough to replay it: the pool in draw order, the key string of
	 * the sources, the team (leader first), and why every other candidate was left out.
	 */
	public record Record(List<String> pool, String key, int size, List<String> team, Map<String, String> excluded) {

		public Record {
			pool = List.copyOf(pool);
			team = List.copyOf(team);
			excluded = Map.copyOf(excluded);
		}

		/** The first drawn, or null for a record without a team. */
		public String leader() {
			return team.isEmpty() ? null : team.get(0);
		}

		/** Whether drawing again from the recorded pool and key gives the recorded team. */
		public boolean replays() {
			return VerifiableDraw.select(key, pool.size(), size).stream().map(pool::get).toList().equals(team);
		}
	}

	/** The pool keeps at least this many candidates per seat, so that the draw stays a draw. */
	static final int CANDIDATES_PER_SEAT = 2;

	private AssessmentTeamDraw() {
	}

	public static Record draw(List<Candidate> candidates, long bodyId, String bodyOrganisation, Set<String> fieldCodes,
			int size, List<List<Long>> sources) {
		if (size < 2) {
			throw DomainException.badRequest("ASSESSMENT_TEAM_SIZE_INVALID", "A team has at least two assessors");
		}
		Map<String, String> excluded = new LinkedHashMap<>();
		List<Candidate> eligible = new ArrayList<>();
		for (Candidate candidate : candidates.stream().sorted(Comparator.comparing(Candidate::id)).toList()) {
			if (!candidate.fieldCodes().containsAll(fieldCodes)) {
				excluded.put(candidate.id(), "COMPETENCE");
			}
			else if (candidate.conflictBodies().contains(bodyId)) {
				excluded.put(candidate.id(), "CONFLICT_DECLARED");
			}
			else if (candidate.organisation() != null && candidate.organisation().equals(bodyOrganisation)) {
				excluded.put(candidate.id(), "CONFLICT_SAME_ORGANISATION");
			}
			else {
				eligible.add(candidate);
			}
		}
		if (eligible.size() < size) {
			throw new DomainException("ASSESSMENT_TEAM_TOO_SMALL", 422,
					"Only " + eligible.size() + " eligible assessors for a team of " + size, eligible.size(), size);
		}
		// Balance the workload: leave out those busier than the (2 x size)-th least busy.
		List<Integer> loads = eligible.stream().map(Candidate::workload).sorted().toList();
		int ceiling = loads.get(Math.min(loads.size(), CANDIDATES_PER_SEAT * size) - 1);
		List<String> pool = new ArrayList<>();
		for (Candidate candidate : eligible) {
			if (candidate.workload() > ceiling) {
				excluded.put(candidate.id(), "WORKLOAD");
			}
			else {
				pool.add(candidate.id());
			}
		}
		String key = VerifiableDraw.keyString(sources);
		List<String> team = VerifiableDraw.select(key, pool.size(), size).stream().map(pool::get).toList();
		return new Record(pool, key, size, team, excluded);
	}
}
