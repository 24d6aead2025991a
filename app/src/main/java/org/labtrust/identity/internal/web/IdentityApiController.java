package org.labtrust.identity.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.identity.internal.account.Account;
import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.identity.internal.audit.AuditSearch;
import org.labtrust.identity.internal.audit.AuditVerifier;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts, API keys and the audit trail, for administrators and body administrators. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Identity", description = "Accounts, API keys and the audit trail")
@SecurityRequirement(name = "apiKey")
class IdentityApiController {

	private final AccountService accounts;

	private final ApiKeyService keys;

	private final AuditSearch auditSearch;

	private final AuditVerifier auditVerifier;

	private final RegistryQueries registry;

	private final Clock clock;

	IdentityApiController(AccountService accounts, ApiKeyService keys, AuditSearch auditSearch,
			AuditVerifier auditVerifier, RegistryQueries registry, Clock clock) {
		this.accounts = accounts;
		this.keys = keys;
		this.auditSearch = auditSearch;
		this.auditVerifier = auditVerifier;
		this.registry = registry;
		this.clock = clock;
	}

	record Me(String kind, String id, String name, Set<Role> roles, Set<Permission> permissions, String jurisdiction,
			Long bodyId) {
	}

	@GetMapping("/me")
	@Operation(summary = "Who the caller is: roles, permissions, jurisdiction, body")
	Me me() {
		Actor actor = Actors.current();
		return new Me(actor.kind().name(), actor.id(), actor.name(), actor.roles(), actor.permissions(),
				actor.jurisdiction() == null ? null : actor.jurisdiction().authorityCode(), actor.bodyId());
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	@PostMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change one's own password (people signed in with a password)")
	void changePassword(@RequestBody PasswordChange request) {
		accounts.changePassword(Actors.current(), request.currentPassword(), request.newPassword());
	}

	// --- accounts

	record AccountView(long id, String username, String displayName, Set<Role> roles, String jurisdiction,
			Long bodyId, boolean enabled, boolean locked, int failedLogins, Instant lockedUntil, Instant lastLoginAt,
			Instant createdAt) {

		static AccountView of(Account a, Instant now) {
			return new AccountView(a.id(), a.username(), a.displayName(), a.roles(),
					a.jurisdiction() == null ? null : a.jurisdiction().authorityCode(), a.bodyId(), a.enabled(),
					a.lockedAt(now), a.failedLogins(), a.lockedUntil(), a.lastLoginAt(), a.createdAt());
		}
	}

	@GetMapping("/accounts")
	@Operation(summary = "Accounts in the caller's jurisdiction, or of one body")
	List<AccountView> accounts(@RequestParam(required = false) String bodyId) {
		return accounts.list(Actors.current(), bodyId == null ? null : id(bodyId, "BODY_ID_INVALID"))
			.stream()
			.map(a -> AccountView.of(a, clock.instant()))
			.toList();
	}

	record CreateAccount(String username, String displayName, String password, Set<Role> roles, String jurisdiction,
			Long bodyId) {
	}

	@PostMapping(path = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an account (the password is hashed with bcrypt and never shown again)")
	AccountView createAccount(@RequestBody CreateAccount request) {
		return AccountView.of(accounts.create(Actors.current(), new AccountService.NewAccount(request.username(),
				request.displayName(), request.password(), request.roles() == null ? Set.of() : request.roles(),
				request.jurisdiction(), request.bodyId())), clock.instant());
	}

	@PostMapping("/accounts/{id}/unlock")
	@Operation(summary = "Clear a lockout after repeated wrong passwords")
	AccountView unlock(@PathVariable String id) {
		return AccountView.of(accounts.unlock(Actors.current(), id(id, "ACCOUNT_ID_INVALID")), clock.instant());
	}

	@PostMapping("/accounts/{id}/disable")
	@Operation(summary = "Disable an account: it can no longer sign in")
	AccountView disable(@PathVariable String id) {
		return AccountView.of(accounts.setEnabled(Actors.current(), id(id, "ACCOUNT_ID_INVALID"), false), clock.instant());
	}

	@PostMapping("/accounts/{id}/enable")
	@Operation(summary = "Enable a disabled account")
	AccountView enable(@PathVariable String id) {
		return AccountView.of(accounts.setEnabled(Actors.current(), id(id, "ACCOUNT_ID_INVALID"), true), clock.instant());
	}

	// --- API keys

	record KeyView(String id, String label, ApiKey.OwnerKind ownerKind, Long bodyId, String jurisdiction,
			Set<Permission> permissions, Integer rateLimitPerMinute, ApiKey.State state, Instant createdAt,
			String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt,
			String lastUsedFrom) {

		static KeyView of(ApiKey k, Instant now) {
			return new KeyView(k.id(), k.label(), k.ownerKind(), k.bodyId(), k.jurisdiction(), k.permissions(),
					k.rateLimitPerMinute(), k.stateAt(now), k.createdAt(), k.createdBy(), k.expiresAt(),
					k.revokedAt(), k.revokedBy(), k.lastUsedAt(), k.lastUsedFrom());
		}
	}

	/** The created key; {@code secret} is the key itself, shown this once. */
	record CreatedKey(KeyView key, String secret) {
	}

	record CreateKey(String label, ApiKey.OwnerKind ownerKind, Long bodyId, String jurisdiction,
			Set<Permission> permissions, LocalDate expiresOn, Integer rateLimitPerMinute) {
	}

	@GetMapping("/api-keys")
	@Operation(summary = "Keys of a body (bodyId), or the partner keys of the caller's jurisdiction")
	List<KeyView> keys(@RequestParam(required = false) String bodyId) {
		return keys.list(Actors.current(), bodyId == null ? null : id(bodyId, "BODY_ID_INVALID"))
			.stream()
			.map(k -> KeyView.of(k, clock.instant()))
			.toList();
	}

	@GetMapping("/api-keys/{id}")
	@Operation(summary = "One key (never its secret)")
	KeyView key(@PathVariable String id) {
		return keys.find(Actors.current(), id)
			.map(k -> KeyView.of(k, clock.instant()))
			.orElseThrow(() -> DomainException.notFound("API_KEY_NOT_FOUND", "No such API key"));
	}

	@PostMapping(path = "/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a key; the answer holds the key itself, which is not stored and cannot be shown again")
	CreatedKey createKey(@RequestBody CreateKey request) {
		ApiKeyService.Created created = keys.create(Actors.current(), new ApiKeyService.NewKey(request.label(),
				request.ownerKind(), request.bodyId(), request.jurisdiction(), request.permissions(),
				request.expiresOn(), request.rateLimitPerMinute()));
		return new CreatedKey(KeyView.of(created.key(), clock.instant()), created.secret());
	}

	@PostMapping("/api-keys/{id}/revoke")
	@Operation(summary = "Revoke a key; it fails from the next request on")
	KeyView revoke(@PathVariable String id) {
		return KeyView.of(keys.revoke(Actors.current(), id), clock.instant());
	}

	// --- audit trail

	@GetMapping("/audit")
	@Operation(summary = "Search the audit trail, newest first, 50 a page (pass nextBefore as before)")
	AuditSearch.Page audit(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) String targetId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String before) {
		return auditSearch.search(new AuditSearch.Query(actor, action, targetType, targetId, outcome, from, to, before),
				Actors.current());
	}

	@GetMapping("/audit/verify")
	@Operation(summary = "Walk the audit chain and report the first break; give a head seen earlier "
			+ "(knownSeq, knownHash) to check that it is still part of the chain")
	AuditVerifier.Result verifyAudit(@RequestParam(required = false) String knownSeq,
			@RequestParam(required = false) String knownHash) {
		Actor actor = Actors.current();
		actor.require(Permission.AUDIT_READ);
		if (!actor.jurisdiction().isNational()) {
			throw Actor.forbidden(); // the chain is one for the whole country
		}
		Long seq = knownSeq == null ? null : id(knownSeq, "PARAMETER_INVALID");
		if (knownHash != null && !knownHash.matches("[0-9a-fA-F]{64}")) {
			throw DomainException.badRequest("PARAMETER_INVALID", "knownHash is 64 hex digits", "knownHash");
		}
		return auditVerifier.verify(seq, knownHash);
	}

	// --- a body's internal record

	record BodyRecord(RegistryQueries.BodyRef body, Set<String> authorities, List<AccountView> accounts,
			List<KeyView> apiKeys) {
	}

	@GetMapping("/bodies/{id}/record")
	@Operation(summary = "A body's internal record: its accounts and API keys (own body, or within jurisdiction)")
	BodyRecord bodyRecord(@PathVariable String id) {
		Actor actor = Actors.current();
		actor.require(Permission.BODY_RECORD_READ);
		long bodyId = id(id, "BODY_ID_INVALID");
		RegistryQueries.BodyRef body = registry.bodyRef(bodyId)
			.orElseThrow(() -> DomainException.notFound("BODY_NOT_FOUND", "No body with id " + bodyId, bodyId));
		Set<String> authorities = registry.bodyAuthorities(bodyId);
		if (!actor.mayAccessBody(bodyId, authorities)) {
			throw Actor.forbidden();
		}
		Instant now = clock.instant();
		List<AccountView> bodyAccounts = accounts.ofBody(actor, bodyId).stream().map(a -> AccountView.of(a, now)).toList();
		List<KeyView> bodyKeys = keys.ofBody(actor, bodyId).stream().map(k -> KeyView.of(k, now)).toList();
		return new BodyRecord(body, authorities, bodyAccounts, bodyKeys);
	}

	private static long id(String text, String code) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest(code, "Not a number: " + text, text);
		}
	}
}
