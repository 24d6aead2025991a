package org.labtrust.identity.internal.security;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.labtrust.identity.internal.IdentityProperties;
import org.labtrust.identity.internal.account.Account;
import org.labtrust.identity.internal.account.AccountStore;
import org.labtrust.registry.CreditCode;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.ActorPrincipal;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Role;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in through a province's identity provider (Keycloak or similar). The provider is the
 * source of truth for roles and jurisdiction: they are read from configured claims at every
 * sign-in and copied to the local account (created on first sign-in, linked by issuer and
 * subject), so that audit rows and the account list show who acted. Claims that give no known
 * role, or a regulator without a jurisdiction, or a body user without a known body, are refused.
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final AccountStore accounts;

	private final RegistryQueries registry;

	private final AuditTrail audit;

	private final IdentityProperties.Oidc claims;

	private final Clock clock;

	OidcAccounts(AccountStore accounts, RegistryQueries registry, AuditTrail audit, IdentityProperties properties,
			Clock clock) {
		this.accounts = accounts;
		this.registry = registry;
		this.audit = audit;
		this.claims = properties.oidc();
		this.clock = clock;
	}

	@Override
	@Transactional
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = delegate.loadUser(request);
		Account account = provision(request.getClientRegistration().getRegistrationId(), user.getIssuer().toString(),
				user.getSubject(), user.getPreferredUsername(), user.getFullName(), user.getClaims());
		return new ActorOidcUser(user, account.actor());
	}

	/** Maps claims to an account, creating or updating it. Package-visible for tests. */
	Account provision(String registrationId, String issuer, String subject, String preferredUsername,
			String fullName, Map<String, Object> userClaims) {
		Set<Role> roles = roles(userClaims.get(claims.rolesClaim()));
		if (roles.isEmpty()) {
			throw refused("no known role in claim " + claims.rolesClaim());
		}
		Jurisdiction jurisdiction = null;
		Long bodyId = null;
		if (roles.stream().anyMatch(r -> r.kind() == Role.Kind.REGULATOR)) {
			Object code = userClaims.get(claims.jurisdictionClaim());
			if (!(code instanceof String text) || !text.matches("\\d{2}")
					|| !(text.equals(Jurisdiction.NATIONAL_CODE) || registry.codes().isKnownAuthority(text))) {
				throw refused("regulator without a valid jurisdiction claim");
			}
			jurisdiction = new Jurisdiction(text);
		}
		if (roles.stream().anyMatch(r -> r.kind() == Role.Kind.BODY)) {
			Object code = userClaims.get(claims.bodyClaim());
			try {
				bodyId = registry.bodyIdByCreditCode(CreditCode.parse(String.valueOf(code)))
					.orElseThrow(() -> refused("body user of an unknown body"));
			}
			catch (RuntimeException e) {
				throw refused("body user without a valid body claim");
			}
		}
		String displayName = fullName == null || fullName.isBlank() ? subject : fullName;
		var existing = accounts.byOidcSubject(issuer, subject);
		if (existing.isPresent()) {
			Account account = existing.get();
			if (!account.enabled()) {
				throw refused("account disabled");
			}
			accounts.updateRolesAndJurisdiction(account.id(), roles, jurisdiction, displayName);
			return accounts.byId(account.id()).orElseThrow();
		}
		String name = registrationId + ":" + (preferredUsername == null ? subject : preferredUsername);
		long id = accounts.insert(new AccountStore.NewAccount(name.toLowerCase(), displayName, null, roles,
				jurisdiction, bodyId, issuer, subject), clock.instant(), "oidc:" + registrationId);
		Account account = accounts.byId(id).orElseThrow();
		audit.recordAttempt(account.actor(), new AuditTrail.Entry("account.provision", "account", "account:" + id,
				jurisdiction == null ? null : jurisdiction.authorityCode(), Map.of("issuer", issuer)), "SUCCESS");
		return account;
	}

	private static Set<Role> roles(Object claim) {
		Collection<?> names = claim instanceof Collection<?> list ? list
				: claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object name : names) {
			for (Role role : Role.values()) {
				if (role.name().equalsIgnoreCase(String.valueOf(name).strip())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	private static OAuth2AuthenticationException refused(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null));
	}

	/** The provider's user, acting as the local account's actor. */
	static final class ActorOidcUser extends DefaultOidcUser implements ActorPrincipal {

		private final Actor actor;

		ActorOidcUser(OidcUser user, Actor actor) {
			super(AccountUser.authorities(actor), user.getIdToken(), user.getUserInfo());
			this.actor = actor;
		}

		@Override
		public Actor actor() {
			return actor;
		}
	}
}
