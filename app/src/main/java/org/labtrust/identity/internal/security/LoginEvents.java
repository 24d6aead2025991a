package org.labtrust.identity.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.labtrust.identity.internal.IdentityProperties;
import org.labtrust.identity.internal.account.AccountStore;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.ActorPrincipal;
import org.labtrust.shared.access.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Lockout and the audit of sign-ins. A wrong password counts towards the lockout; a success resets
 * it. Every attempt is on the audit trail with the name that was typed (never the password).
 */
@Component
class LoginEvents {

	private final AccountStore accounts;

	private final AuditTrail audit;

	private final AccountStore.Lockout lockout;

	private final Clock clock;

	LoginEvents(AccountStore accounts, AuditTrail audit, IdentityProperties properties, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		IdentityProperties.Lockout settings = properties.lockout();
		this.lockout = new AccountStore.Lockout(settings.threshold(), settings.base(), settings.max());
		this.clock = clock;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof ActorPrincipal principal)) {
			return;
		}
		Actor actor = principal.actor();
		if (actor.kind() != Actor.Kind.PERSON) {
			return;
		}
		accounts.recordSuccess(Long.parseLong(actor.id().substring("account:".length())), clock.instant());
		audit.recordAttempt(actor, AuditTrail.Entry.of("login", "account", actor.id()), "SUCCESS");
	}

	@EventListener
	void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
		String typed = typedName(event);
		Instant lockedUntil = accounts.byUsername(typed)
			.map(account -> accounts.recordFailure(account.id(), clock.instant(), lockout))
			.orElse(null);
		Map<String, String> detail = lockedUntil == null ? Map.of() : Map.of("lockedUntil", lockedUntil.toString());
		audit.recordAttempt(new AuditTrail.Entry("login", "username", typed, null, detail), "FAILED");
	}

	@EventListener
	void locked(AuthenticationFailureLockedEvent event) {
		audit.recordAttempt(AuditTrail.Entry.of("login", "username", typedName(event)), "LOCKED");
	}

	private static String typedName(AbstractAuthenticationFailureEvent event) {
		String name = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase();
		return name.length() > 100 ? name.substring(0, 100) : name;
	}
}
