package org.labtrust.identity.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.labtrust.identity.internal.IdentityProperties;
import org.labtrust.identity.internal.account.Account;
import org.labtrust.identity.internal.account.AccountStore;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.ActorPrincipal;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Jurisdiction;
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

	private final RegistryQueries registry;

	private final Clock clock;

	LoginEvents(AccountStore accounts, AuditTrail audit, RegistryQueries registry, IdentityProperties properties,
			Clock clock) {
		this.accounts = accounts;
		this.registry = registry;
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
		audit.recordAttempt(actor, new AuditTrail.Entry("login", "account", actor.id(), authorityOf(actor.jurisdiction(),
				actor.bodyId()), Map.of()), "SUCCESS");
	}

	@EventListener
	void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
		String typed = typedName(event);
		Optional<Account> account = accounts.byUsername(typed);
		Instant lockedUntil = account.map(a -> accounts.recordFailure(a.id(), clock.instant(), lockout)).orElse(null);
		Map<String, String> detail = lockedUntil == null ? Map.of() : Map.of("lockedUntil", lockedUntil.toString());
		audit.recordAttempt(new AuditTrail.Entry("login", "username", typed, authorityOf(account), detail), "FAILED");
	}

	@EventListener
	void locked(AuthenticationFailureLockedEvent event) {
		String typed = typedName(event);
		audit.recordAttempt(new AuditTrail.Entry("login", "username", typed, authorityOf(accounts.byUsername(typed)),
				Map.of()), "LOCKED");
	}

	/** So that a provincial administrator sees the sign-ins of the province's officers and bodies. */
	private String authorityOf(Optional<Account> account) {
		return account.map(a -> authorityOf(a.jurisdiction(), a.bodyId())).orElse(null);
	}

	private String authorityOf(Jurisdiction jurisdiction, Long bodyId) {
		if (jurisdiction != null) {
			return jurisdiction.authorityCode();
		}
		return bodyId == null ? null : registry.bodyAuthorities(bodyId).stream().findFirst().orElse(null);
	}

	private static String typedName(AbstractAuthenticationFailureEvent event) {
		String name = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase();
		return name.length() > 100 ? name.substring(0, 100) : name;
	}
}
