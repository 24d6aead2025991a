package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labtrust.shared.DomainException;

/**
 * Each procedure's state machine: the lifecycle scenarios start to end, and every other
 * (state, event) pair refused with a stable code. The legal moves are written out here, apart from
 * the tables in {@link Lifecycle}, so that a wrong or missing table row fails.
 */
class LifecycleTest {

	/** "PROCEDURE STATE EVENT NEXT", the complete list of legal moves. */
	static final List<String> LEGAL = List.of(
			// general
			"GENERAL DRAFT SUBMIT SUBMITTED", "GENERAL DRAFT WITHDRAW WITHDRAWN",
			"GENERAL SUBMITTED REQUEST_CORRECTION CORRECTION_REQUESTED", "GENERAL SUBMITTED ACCEPT ACCEPTED",
			"GENERAL SUBMITTED DECLINE NOT_ACCEPTED", "GENERAL SUBMITTED WITHDRAW WITHDRAWN",
			"GENERAL CORRECTION_REQUESTED RESUBMIT SUBMITTED", "GENERAL CORRECTION_REQUESTED WITHDRAW WITHDRAWN",
			"GENERAL ACCEPTED START_ASSESSMENT IN_ASSESSMENT", "GENERAL ACCEPTED WITHDRAW WITHDRAWN",
			"GENERAL IN_ASSESSMENT REQUEST_RECTIFICATION RECTIFICATION",
			"GENERAL IN_ASSESSMENT CONCLUDE_ASSESSMENT ASSESSED", "GENERAL IN_ASSESSMENT WITHDRAW WITHDRAWN",
			"GENERAL RECTIFICATION RECTIFY IN_ASSESSMENT", "GENERAL RECTIFICATION WITHDRAW WITHDRAWN",
			"GENERAL RECTIFICATION CONCLUDE_ASSESSMENT ASSESSED",
			"GENERAL ASSESSED APPROVE APPROVED", "GENERAL ASSESSED REFUSE REFUSED", "GENERAL APPROVED ISSUE ISSUED",
			// document review: the general shape, assessment on the documents
			"DOCUMENT_REVIEW DRAFT SUBMIT SUBMITTED", "DOCUMENT_REVIEW DRAFT WITHDRAW WITHDRAWN",
			"DOCUMENT_REVIEW SUBMITTED REQUEST_CORRECTION CORRECTION_REQUESTED",
			"DOCUMENT_REVIEW SUBMITTED ACCEPT ACCEPTED", "DOCUMENT_REVIEW SUBMITTED DECLINE NOT_ACCEPTED",
			"DOCUMENT_REVIEW SUBMITTED WITHDRAW WITHDRAWN", "DOCUMENT_REVIEW CORRECTION_REQUESTED RESUBMIT SUBMITTED",
			"DOCUMENT_REVIEW CORRECTION_REQUESTED WITHDRAW WITHDRAWN",
			"DOCUMENT_REVIEW ACCEPTED START_ASSESSMENT IN_ASSESSMENT", "DOCUMENT_REVIEW ACCEPTED WITHDRAW WITHDRAWN",
			"DOCUMENT_REVIEW IN_ASSESSMENT REQUEST_RECTIFICATION RECTIFICATION",
			"DOCUMENT_REVIEW IN_ASSESSMENT CONCLUDE_ASSESSMENT ASSESSED",
			"DOCUMENT_REVIEW IN_ASSESSMENT WITHDRAW WITHDRAWN", "DOCUMENT_REVIEW RECTIFICATION RECTIFY IN_ASSESSMENT",
			"DOCUMENT_REVIEW RECTIFICATION CONCLUDE_ASSESSMENT ASSESSED",
			"DOCUMENT_REVIEW RECTIFICATION WITHDRAW WITHDRAWN", "DOCUMENT_REVIEW ASSESSED APPROVE APPROVED",
			"DOCUMENT_REVIEW ASSESSED REFUSE REFUSED", "DOCUMENT_REVIEW APPROVED ISSUE ISSUED",
			// commitment: no assessment before the decision; verification after it
			"COMMITMENT DRAFT SUBMIT SUBMITTED", "COMMITMENT DRAFT WITHDRAW WITHDRAWN",
			"COMMITMENT SUBMITTED REQUEST_CORRECTION CORRECTION_REQUESTED", "COMMITMENT SUBMITTED ACCEPT ACCEPTED",
			"COMMITMENT SUBMITTED DECLINE NOT_ACCEPTED", "COMMITMENT SUBMITTED WITHDRAW WITHDRAWN",
			"COMMITMENT CORRECTION_REQUESTED RESUBMIT SUBMITTED", "COMMITMENT CORRECTION_REQUESTED WITHDRAW WITHDRAWN",
			"COMMITMENT ACCEPTED APPROVE APPROVED", "COMMITMENT ACCEPTED REFUSE REFUSED",
			"COMMITMENT ACCEPTED WITHDRAW WITHDRAWN", "COMMITMENT APPROVED ISSUE AWAITING_VERIFICATION",
			"COMMITMENT AWAITING_VERIFICATION CONFIRM_COMMITMENT VERIFIED",
			"COMMITMENT AWAITING_VERIFICATION FIND_COMMITMENT_FALSE COMMITMENT_FALSE",
			// self-declaration
			"SELF_DECLARATION DRAFT SUBMIT EFFECTIVE", "SELF_DECLARATION DRAFT WITHDRAW WITHDRAWN",
			"SELF_DECLARATION EFFECTIVE CHECK CHECKED",
			"SELF_DECLARATION EFFECTIVE FIND_DECLARATION_FALSE DECLARATION_FALSE");

	static final Map<String, String> NEXT = LEGAL.stream()
		.map(line -> line.split(" "))
		.collect(Collectors.toMap(m -> m[0] + " " + m[1] + " " + m[2], m -> m[3]));

	static Stream<Object[]> everyPair() {
		List<Object[]> pairs = new ArrayList<>();
		for (Procedure procedure : Procedure.values()) {
			for (ApplicationState state : ApplicationState.values()) {
				for (ApplicationEvent event : ApplicationEvent.values()) {
					pairs.add(new Object[] { procedure, state, event });
				}
			}
		}
		return pairs.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("everyPair")
	void everyMoveIsEitherListedOrRefusedWithAStableCode(Procedure procedure, ApplicationState state,
			ApplicationEvent event) {
		String expected = NEXT.get(procedure + " " + state + " " + event);
		if (expected != null) {
			assertThat(Lifecycle.step(procedure, state, event)).isEqualTo(ApplicationState.valueOf(expected));
		}
		else {
			assertThatThrownBy(() -> Lifecycle.step(procedure, state, event)).isInstanceOf(DomainException.class)
				.satisfies(e -> {
					DomainException refusal = (DomainException) e;
					assertThat(refusal.code()).isEqualTo("APPLICATION_TRANSITION_INVALID");
					assertThat(refusal.status()).isEqualTo(409);
					assertThat(refusal.args()).containsExactly(procedure.name(), state.name(), event.name());
				});
		}
	}

	@Test
	void decidingAnApplicationNotYetAcceptedIsRefused() {
		assertThatThrownBy(() -> Lifecycle.step(Procedure.GENERAL, ApplicationState.SUBMITTED, ApplicationEvent.APPROVE))
			.hasMessageContaining("SUBMITTED").hasMessageContaining("APPROVE");
		assertThatThrownBy(() -> Lifecycle.step(Procedure.COMMITMENT, ApplicationState.SUBMITTED, ApplicationEvent.APPROVE))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void finalStatesTakeNoEvent() {
		for (Procedure procedure : Procedure.values()) {
			for (ApplicationState state : ApplicationState.values()) {
				if (state.isFinal()) {
					for (ApplicationEvent event : ApplicationEvent.values()) {
						assertThat(Lifecycle.next(procedure, state, event)).as("%s %s %s", procedure, state, event).isEmpty();
					}
				}
			}
		}
	}

	static Stream<Object[]> scenarios() {
		return Stream.of(
				new Object[] { Procedure.GENERAL, "SUBMIT REQUEST_CORRECTION RESUBMIT ACCEPT START_ASSESSMENT "
						+ "REQUEST_RECTIFICATION RECTIFY CONCLUDE_ASSESSMENT APPROVE ISSUE", ApplicationState.ISSUED },
				new Object[] { Procedure.GENERAL, "SUBMIT ACCEPT START_ASSESSMENT CONCLUDE_ASSESSMENT REFUSE",
						ApplicationState.REFUSED },
				new Object[] { Procedure.COMMITMENT, "SUBMIT ACCEPT APPROVE ISSUE CONFIRM_COMMITMENT",
						ApplicationState.VERIFIED },
				new Object[] { Procedure.COMMITMENT, "SUBMIT ACCEPT APPROVE ISSUE FIND_COMMITMENT_FALSE",
						ApplicationState.COMMITMENT_FALSE },
				new Object[] { Procedure.DOCUMENT_REVIEW, "SUBMIT ACCEPT START_ASSESSMENT CONCLUDE_ASSESSMENT APPROVE ISSUE",
						ApplicationState.ISSUED },
				new Object[] { Procedure.SELF_DECLARATION, "SUBMIT CHECK", ApplicationState.CHECKED });
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("scenarios")
	void eachProcedureRunsStartToEnd(Procedure procedure, String events, ApplicationState end) {
		ApplicationState state = ApplicationState.DRAFT;
		for (String event : events.split(" ")) {
			state = Lifecycle.step(procedure, state, ApplicationEvent.valueOf(event));
		}
		assertThat(state).isEqualTo(end);
		assertThat(end.isFinal()).isTrue();
	}

	@Test
	void everyStateIsReachableUnderSomeProcedure() {
		List<ApplicationState> reached = new ArrayList<>(List.of(ApplicationState.DRAFT));
		LEGAL.forEach(line -> reached.add(ApplicationState.valueOf(line.split(" ")[3])));
		assertThat(reached).containsAll(Arrays.asList(ApplicationState.values()));
	}
}
