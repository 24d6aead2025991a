package org.labtrust.identity.internal.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing accounts. An administrator creates and unlocks accounts within their jurisdiction:
 * regulators of that jurisdiction, users of bodies licensed there, assessors and partners
 * (national administrators only for those two, which have no jurisdiction).
 */
@Service
public class AccountService {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");

	public static final int MIN_PASSWORD_LENGTH = 12;

	private final AccountStore accounts;

	private final RegistryQueries registry;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final Clock clock;

	AccountService(AccountStore accounts, RegistryQueries registry, PasswordEncoder passwords, AuditTrail audit,
			Clock clock) {
		this.accounts = accounts;
		this.registry = registry;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	public record NewAccount(String username, String displayName, String password, Set<Role> roles,
			String jurisdiction, Long bodyId) {
	}

	@Transactional
	public Account create(Actor creator, NewAccount request) {
		creator.require(Permission.ACCOUNT_MANAGE);
		return createUnchecked(creator, request, targetAuthority(creator, request));
	}

	/** Creates an account without asking who may: for start-up (demo accounts, the first administrator). */
	@Transactional
	public Account createAtStartup(NewAccount request) {
		return createUnchecked(Actor.SYSTEM, request, request.jurisdiction());
	}

	private Account createUnchecked(Actor creator, NewAccount request, String authority) {
		String username = request.username() == null ? "" : request.username().strip().toLowerCase();
		if (!USERNAME.matcher(username).matches()) {
			throw DomainException.badRequest("USERNAME_INVALID",
					"User names are 3 to 50 lower-case letters, digits, dots, dashes or underscores");
		}
		if (accounts.byUsername(username).isPresent()) {
			throw new DomainException("USERNAME_TAKEN", 409, "That user name is taken", username);
		}
		checkPassword(username, request.password());
		String displayName = request.displayName() == null || request.displayName().isBlank() ? username
				: request.displayName().strip();
		if (displayName.length() > 100) {
			throw DomainException.badRequest("DISPLAY_NAME_INVALID", "Display names have at most 100 characters");
		}
		long id = accounts.insert(new AccountStore.NewAccount(username, displayName,
				passwords.encode(request.password()), request.roles(),
				request.jurisdiction() == null ? null : new Jurisdiction(request.jurisdiction()), request.bodyId(), null,
				null), clock.instant(), creator.id());
		Map<String, String> detail = new TreeMap<>();
		detail.put("username", username);
		detail.put("roles", String.join(",", request.roles().stream().map(Enum::name).sorted().toList()));
		if (request.jurisdiction() != null) {
			detail.put("jurisdiction", request.jurisdiction());
		}
		if (request.bodyId() != null) {
			detail.put("bodyId", request.bodyId().toString());
		}
		audit.record(new AuditTrail.Entry("account.create", "account", "account:" + id, authority, detail));
		return accounts.byId(id).orElseThrow();
	}

	/** Checks the combination of roles, jurisdiction and body, and that the creator may grant it. */
	private String targetAuthority(Actor creator, NewAccount request) {
		Set<Role> roles = request.roles() == null ? Set.of() : request.roles();
		if (roles.isEmpty()) {
			throw DomainException.badRequest("ROLES_INVALID", "An account needs at least one role");
		}
		Set<Role.Kind> kinds = roles.stream().map(Role::kind).collect(java.util.stream.Collectors.toSet());
		if (kinds.size() > 1) {
			throw DomainException.badRequest("ROLES_INVALID",
					"Body, regulator, assessor and partner roles cannot be mixed in one account");
		}
		Role.Kind kind = kinds.iterator().next();
		switch (kind) {
			case REGULATOR -> {
				if (request.jurisdiction() == null || !(Jurisdiction.NATIONAL_CODE.equals(request.jurisdiction())
						|| registry.codes().isKnownAuthority(request.jurisdiction()))) {
					throw DomainException.badRequest("JURISDICTION_INVALID",
							"A regulator needs a jurisdiction: 00 or a province's authority code",
							String.valueOf(request.jurisdiction()));
				}
				if (request.bodyId() != null) {
					throw DomainException.badRequest("ROLES_INVALID", "A regulator is not bound to a body");
				}
				if (!creator.covers(request.jurisdiction())) {
					throw Actor.forbidden();
				}
				return request.jurisdiction();
			}
			case BODY -> {
				if (request.bodyId() == null || request.jurisdiction() != null) {
					throw DomainException.badRequest("ROLES_INVALID", "A body user is bound to a body, not a jurisdiction");
				}
				Set<String> authorities = registry.bodyAuthorities(request.bodyId());
				if (authorities.isEmpty()) {
					throw DomainException.notFound("BODY_NOT_FOUND", "No body with id " + request.bodyId(),
							request.bodyId());
				}
				return authorities.stream().filter(creator::covers).findFirst().orElseThrow(Actor::forbidden);
			}
			default -> {
				if (request.bodyId() != null || request.jurisdiction() != null) {
					throw DomainException.badRequest("ROLES_INVALID",
							"Assessors and partners have neither a body nor a jurisdiction");
				}
				if (!creator.jurisdiction().isNational()) {
					throw Actor.forbidden();
				}
				return null;
			}
		}
	}

	private static void checkPassword(String username, String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128
				|| password.toLowerCase().contains(username)) {
			throw DomainException.badRequest("PASSWORD_WEAK", "Passwords have 12 to 128 characters and do not "
					+ "contain the user name", MIN_PASSWORD_LENGTH);
		}
	}

	public List<Account> list(Actor viewer, Long bodyId) {
		viewer.require(Permission.ACCOUNT_MANAGE);
		if (bodyId != null) {
			registry.bodyAuthorities(bodyId).stream().filter(viewer::covers).findFirst().orElseThrow(Actor::forbidden);
			return accounts.list(null, bodyId, 500);
		}
		return accounts.list(viewer.jurisdiction().isNational() ? null : viewer.jurisdiction().authorityCode(), null,
				500);
	}

	/**
	 * A person changes their own password: the current one proves it is them, the new one follows
	 * the same rules as at creation. Accounts that sign in through OIDC have no local password.
	 */
	@Transactional
	public void changePassword(Actor actor, String currentPassword, String newPassword) {
		if (actor.kind() != Actor.Kind.PERSON) {
			throw Actor.forbidden();
		}
		long id = Long.parseLong(actor.id().substring("account:".length()));
		Account account = accounts.byId(id).orElseThrow(AccountService::notFound);
		if (account.passwordHash() == null) {
			throw DomainException.badRequest("PASSWORD_NOT_LOCAL", "This account signs in through its identity provider");
		}
		if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
			throw DomainException.badRequest("PASSWORD_CURRENT_WRONG", "The current password is wrong");
		}
		checkPassword(account.username(), newPassword);
		accounts.setPasswordHash(id, passwords.encode(newPassword));
		audit.record(new AuditTrail.Entry("account.password.change", "account", actor.id(), authorityOf(account),
				Map.of()));
	}

	/** The accounts of a body, for its own administrator or a regulator whose jurisdiction covers it. */
	public List<Account> ofBody(Actor viewer, long bodyId) {
		viewer.require(Permission.BODY_RECORD_READ);
		if (!viewer.mayAccessBody(bodyId, registry.bodyAuthorities(bodyId))) {
			throw Actor.forbidden();
		}
		return accounts.list(null, bodyId, 500);
	}

	@Transactional
	public Account unlock(Actor actor, long id) {
		Account account = managed(actor, id);
		accounts.unlock(id);
		audit.record(new AuditTrail.Entry("account.unlock", "account", "account:" + id, authorityOf(account), Map.of()));
		return accounts.byId(id).orElseThrow();
	}

	@Transactional
	public Account setEnabled(Actor actor, long id, boolean enabled) {
		Account account = managed(actor, id);
		if (account.enabled() != enabled) {
			accounts.setEnabled(id, enabled);
			audit.record(new AuditTrail.Entry(enabled ? "account.enable" : "account.disable", "account",
					"account:" + id, authorityOf(account), Map.of()));
		}
		return accounts.byId(id).orElseThrow();
	}

	/** An account the actor may manage; others answer as if they did not exist. */
	private Account managed(Actor actor, long id) {
		actor.require(Permission.ACCOUNT_MANAGE);
		Account account = accounts.byId(id).orElseThrow(AccountService::notFound);
		String authority = authorityOf(account);
		boolean covered = authority == null ? actor.jurisdiction().isNational() : actor.covers(authority);
		if (!covered) {
			throw notFound();
		}
		return account;
	}

	private String authorityOf(Account account) {
		if (account.jurisdiction() != null) {
			return account.jurisdiction().authorityCode();
		}
		if (account.bodyId() != null) {
			return registry.bodyAuthorities(account.bodyId()).stream().findFirst().orElse(null);
		}
		return null;
	}

	private static DomainException notFound() {
		return DomainException.notFound("ACCOUNT_NOT_FOUND", "No such account");
	}
}
