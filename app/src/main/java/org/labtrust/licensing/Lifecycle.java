package org.labtrust.licensing;

import static org.labtrust.licensing.ApplicationEvent.ACCEPT;
import static org.labtrust.licensing.ApplicationEvent.APPROVE;
import static org.labtrust.licensing.ApplicationEvent.CHECK;
import static org.labtrust.licensing.ApplicationEvent.CONCLUDE_ASSESSMENT;
import static org.labtrust.licensing.ApplicationEvent.CONFIRM_COMMITMENT;
import static org.labtrust.licensing.ApplicationEvent.DECLINE;
import static org.labtrust.licensing.ApplicationEvent.FIND_COMMITMENT_FALSE;
import static org.labtrust.licensing.ApplicationEvent.FIND_DECLARATION_FALSE;
import static org.labtrust.licensing.ApplicationEvent.ISSUE;
import static org.labtrust.licensing.ApplicationEvent.RECTIFY;
import static org.labtrust.licensing.ApplicationEvent.REFUSE;
import static org.labtrust.licensing.ApplicationEvent.REQUEST_CORRECTION;
import static org.labtrust.licensing.ApplicationEvent.REQUEST_RECTIFICATION;
import static org.labtrust.licensing.ApplicationEvent.RESUBMIT;
import static org.labtrust.licensing.ApplicationEvent.START_ASSESSMENT;
import static org.labtrust.licensing.ApplicationEvent.SUBMIT;
import static org.labtrust.licensing.ApplicationEvent.WITHDRAW;
import static org.labtrust.licensing.ApplicationState.ACCEPTED;
import static org.labtrust.licensing.ApplicationState.APPROVED;
import static org.labtrust.licensing.ApplicationState.ASSESSED;
import static org.labtrust.licensing.ApplicationState.AWAITING_VERIFICATION;
import static org.labtrust.licensing.ApplicationState.CHECKED;
import static org.labtrust.licensing.ApplicationState.COMMITMENT_FALSE;
import static org.labtrust.licensing.ApplicationState.CORRECTION_REQUESTED;
import static org.labtrust.licensing.ApplicationState.DECLARATION_FALSE;
import static org.labtrust.licensing.ApplicationState.DRAFT;
import static org.labtrust.licensing.ApplicationState.EFFECTIVE;
import static org.labtrust.licensing.ApplicationState.IN_ASSESSMENT;
import static org.labtrust.licensing.ApplicationState.ISSUED;
import static org.labtrust.licensing.ApplicationState.NOT_ACCEPTED;
import static org.labtrust.licensing.ApplicationState.RECTIFICATION;
import static org.labtrust.licensing.ApplicationState.REFUSED;
import static org.labtrust.licensing.ApplicationState.SUBMITTED;
import static org.labtrust.licensing.ApplicationState.VERIFIED;
import static org.labtrust.licensing.ApplicationState.WITHDRAWN;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.labtrust.shared.DomainException;

/**
 * The state machine of each procedure, as tables: the only transitions there are. Anything else
 * is refused with {@code APPLICATION_TRANSITION_INVALID} (409), for example deciding an
 * application not yet accepted.
 */
public final class Lifecycle {

	private static final Map<Procedure, Map<ApplicationState, Map<ApplicationEvent, ApplicationState>>> TABLES = new EnumMap<>(
			Procedure.class);

	static {
		// Shared front: submission, the one-time correction notice, acceptance, withdrawal.
		for (Procedure procedure : new Procedure[] { Procedure.GENERAL, Procedure.COMMITMENT, Procedure.DOCUMENT_REVIEW }) {
			on(procedure, DRAFT, SUBMIT, SUBMITTED);
			on(procedure, DRAFT, WITHDRAW, WITHDRAWN);
			on(procedure, SUBMITTED, REQUEST_CORRECTION, CORRECTION_REQUESTED);
			on(procedure, SUBMITTED, ACCEPT, ACCEPTED);
			on(procedure, SUBMITTED, DECLINE, NOT_ACCEPTED);
			on(procedure, SUBMITTED, WITHDRAW, WITHDRAWN);
			on(procedure, CORRECTION_REQUESTED, RESUBMIT, SUBMITTED);
			on(procedure, CORRECTION_REQUESTED, WITHDRAW, WITHDRAWN);
			on(procedure, ACCEPTED, WITHDRAW, WITHDRAWN);
			on(procedure, APPROVED, ISSUE, procedure == Procedure.COMMITMENT ? AWAITING_VERIFICATION : ISSUED);
		}
		// General and document review: assessment (on-site, remote or on the documents), rectification, decision.
		for (Procedure procedure : new Procedure[] { Procedure.GENERAL, Procedure.DOCUMENT_REVIEW }) {
			on(procedure, ACCEPTED, START_ASSESSMENT, IN_ASSESSMENT);
			on(procedure, IN_ASSESSMENT, REQUEST_RECTIFICATION, RECTIFICATION);
			on(procedure, IN_ASSESSMENT, CONCLUDE_ASSESSMENT, ASSESSED);
			on(procedure, IN_ASSESSMENT, WITHDRAW, WITHDRAWN);
			on(procedure, RECTIFICATION, RECTIFY, IN_ASSESSMENT);
			// rectification time is up: the team concludes, the unfixed items fail (the service checks the date)
			on(procedure, RECTIFICATION, CONCLUDE_ASSESSMENT, ASSESSED);
			on(procedure, RECTIFICATION, WITHDRAW, WITHDRAWN);
			on(procedure, ASSESSED, APPROVE, APPROVED);
			on(procedure, ASSESSED, REFUSE, REFUSED);
		}
		// Commitment: decided without prior assessment; verified on site afterwards.
		on(Procedure.COMMITMENT, ACCEPTED, APPROVE, APPROVED);
		on(Procedure.COMMITMENT, ACCEPTED, REFUSE, REFUSED);
		on(Procedure.COMMITMENT, AWAITING_VERIFICATION, CONFIRM_COMMITMENT, VERIFIED);
		on(Procedure.COMMITMENT, AWAITING_VERIFICATION, FIND_COMMITMENT_FALSE, COMMITMENT_FALSE);
		// Self-declaration: in force on filing, checked later.
		on(Procedure.SELF_DECLARATION, DRAFT, SUBMIT, EFFECTIVE);
		on(Procedure.SELF_DECLARATION, DRAFT, WITHDRAW, WITHDRAWN);
		on(Procedure.SELF_DECLARATION, EFFECTIVE, CHECK, CHECKED);
		on(Procedure.SELF_DECLARATION, EFFECTIVE, FIND_DECLARATION_FALSE, DECLARATION_FALSE);
	}

	private Lifecycle() {
	}

	private static void on(Procedure procedure, ApplicationState from, ApplicationEvent event, ApplicationState to) {
		TABLES.computeIfAbsent(procedure, p -> new EnumMap<>(ApplicationState.class))
			.computeIfAbsent(from, s -> new EnumMap<>(ApplicationEvent.class))
			.put(event, to);
	}

	/** Where the event leads, if the procedure allows it in that state. */
	public static Optional<ApplicationState> next(Procedure procedure, ApplicationState from, ApplicationEvent event) {
		return Optional.ofNullable(TABLES.getOrDefault(procedure, Map.of()).getOrDefault(from, Map.of()).get(event));
	}

	/** Where the event leads, or the refusal. */
	public static ApplicationState step(Procedure procedure, ApplicationState from, ApplicationEvent event) {
		return next(procedure, from, event).orElseThrow(() -> new DomainException("APPLICATION_TRANSITION_INVALID", 409,
				"Under the " + procedure + " procedure an application in state " + from + " cannot take " + event,
				procedure.name(), from.name(), event.name()));
	}
}
