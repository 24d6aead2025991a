package org.labtrust.identity.internal.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.labtrust.identity.internal.IdentityProperties;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.PostgresChannels;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creating, listing, revoking and checking API keys. A body administrator manages the keys of
 * their own body; an administrator manages body keys and partner keys within their jurisdiction.
 * A key sees nothing its creator could not grant.
 */
@Service
public class ApiKeyService {

	/** What a body's key may be given. */
	public static final Set<Permission> BODY_KEY_PERMISSIONS = Set.copyOf(
			EnumSet.of(Permission.REPORT_FILE, Permission.APPLICATION_SUBMIT));

	/** What a partner system's key may be given (METRICS_READ for monitoring systems). */
	public static final Set<Permission> PARTNER_KEY_PERMISSIONS = Set.copyOf(
			EnumSet.of(Permission.REGISTRY_CROSS_CHECK, Permission.METRICS_READ));

	private static final ZoneId CHINA = ChinaTime.ZONE;

	/** Last-used time is written at most this often per key, so that use costs no write per request. */
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	/** Tells every node that a key changed (was revoked); the payload is the key id. */
	static final String CHANNEL = "labtrust_api_key_changed";

	/**
	 * Keys in use, so that a request costs no database lookup. A revocation empties the entry on
	 * this node when it commits and on every other node when PostgreSQL delivers the notice
	 * (milliseconds); the expiry bounds how long a lost notice could keep a revoked key working.
	 */
	private final Cache<String, ApiKeyStore.Stored> inUse = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	private final PostgresChannels channels;

	private final ApiKeyStore store;

	private final RegistryQueries registry;

	private final AuditTrail audit;

	private final IdentityProperties.ApiKeys settings;

	private final Clock clock;

	private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

	ApiKeyService(ApiKeyStore store, RegistryQueries registry, AuditTrail audit, IdentityProperties properties,
			PostgresChannels channels, Clock clock) {
		this.store = store;
		this.registry = registry;
		this.audit = audit;
		this.settings = properties.apiKeys();
		this.channels = channels;
		this.clock = clock;
		channels.subscribe(CHANNEL, inUse::invalidate);
	}

	/** What to create; null fields take defaults (permissions by owner kind, expiry by settings). */
	public record NewKey(String label, ApiKey.OwnerKind ownerKind, Long bodyId, String jurisdiction,
			Set<Permission> permissions, LocalDate expiresOn, Integer rateLimitPerMinute) {
	}

	/** A created key and its text, which is shown this once and never again. */
	public record Created(ApiKey key, String secret) {
	}

	/** Why a presented key was refused; the code is the problem code. */
	public static final class Refused extends RuntimeException {

		private final String code;

		Refused(String code) {
			super(code, null, false, false);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	/** Checks a presented key: the key, or {@link Refused}. */
	public ApiKey authenticate(String presented, String clientAddress) {
		ApiKeySecret parsed = ApiKeySecret.parse(presented).orElseThrow(() -> new Refused("API_KEY_INVALID"));
		ApiKeyStore.Stored stored = inUse.getIfPresent(parsed.id());
		if (stored == null) {
			stored = store.forAuthentication(parsed.id()).orElse(null);
			if (stored != null) {
				inUse.put(parsed.id(), stored);
			}
		}
		if (stored == null || !java.security.MessageDigest.isEqual(stored.secretSha256(), parsed.secretSha256())) {
			throw new Refused("API_KEY_INVALID");
		}
		Instant now = clock.instant();
		ApiKey key = stored.key();
		switch (key.stateAt(now)) {
			case REVOKED -> throw new Refused("API_KEY_REVOKED");
			case EXPIRED -> throw new Refused("API_KEY_EXPIRED");
			case ACTIVE -> touch(key.id(), now, clientAddress);
		}
		return key;
	}

	public static Actor actorOf(ApiKey key) {
		Set<Role> roles = key.ownerKind() == ApiKey.OwnerKind.BODY ? Set.of(Role.BODY_USER)
				: Set.of(Role.PARTNER_SYSTEM);
		Jurisdiction jurisdiction = key.jurisdiction() == null ? null : new Jurisdiction(key.jurisdiction());
		return new Actor(Actor.Kind.API_KEY, "key:" + key.id(), key.label(), roles, key.permissions(),
				key.ownerKind() == ApiKey.OwnerKind.PARTNER ? jurisdiction : null, key.bodyId());
	}

	private void touch(String id, Instant now, String clientAddress) {
		Instant last = lastTouched.get(id);
		if (last == null || last.plus(TOUCH_INTERVAL).isBefore(now)) {
			lastTouched.put(id, now);
			store.touch(id, now, clientAddress);
		}
	}

	@Transactional
	public Created create(Actor creator, NewKey request) {
		ApiKey.OwnerKind kind = request.ownerKind() == null ? ApiKey.OwnerKind.BODY : request.ownerKind();
		String authority = authorize(creator, kind, request.bodyId(), request.jurisdiction());
		String label = request.label() == null ? "" : request.label().strip();
		if (label.isEmpty() || label.length() > 100) {
			throw DomainException.badRequest("API_KEY_LABEL_INVALID", "A key needs a label of 1 to 100 characters");
		}
		Set<Permission> allowed = kind == ApiKey.OwnerKind.BODY ? BODY_KEY_PERMISSIONS : PARTNER_KEY_PERMISSIONS;
		Set<Permission> permissions = request.permissions() == null || request.permissions().isEmpty()
				? defaults(kind) : request.permissions();
		if (!allowed.containsAll(permissions)) {
			throw DomainException.badRequest("API_KEY_PERMISSION_INVALID",
					"Permissions not grantable to this kind of key", kind);
		}
		Instant now = clock.instant();
		Instant expires = request.expiresOn() == null ? now.plus(settings.defaultValidity())
				: request.expiresOn().plusDays(1).atStartOfDay(CHINA).toInstant();
		if (!expires.isAfter(now) || expires.isAfter(now.plus(settings.maxValidity()).plus(Duration.ofDays(1)))) {
			throw DomainException.badRequest("API_KEY_EXPIRY_INVALID", "Expiry must be in the future and within "
					+ settings.maxValidity().toDays() + " days", settings.maxValidity().toDays());
		}
		if (request.rateLimitPerMinute() != null
				&& (request.rateLimitPerMinute() < 1 || request.rateLimitPerMinute() > 1_000_000)) {
			throw DomainException.badRequest("API_KEY_RATE_LIMIT_INVALID", "Rate limit must be 1 to 1,000,000 a minute");
		}
		ApiKeySecret secret = ApiKeySecret.generate();
		String jurisdiction = kind == ApiKey.OwnerKind.PARTNER ? authority : null;
		ApiKey key = new ApiKey(secret.id(), label, kind, kind == ApiKey.OwnerKind.BODY ? request.bodyId() : null,
				jurisdiction, permissions, request.rateLimitPerMinute(), now, creator.id(), expires, null, null, null,
				null);
		store.insert(key, secret.secretSha256());
		Map<String, String> detail = new TreeMap<>();
		detail.put("label", label);
		detail.put("ownerKind", kind.name());
		detail.put("permissions", String.join(",", permissions.stream().map(Enum::name).sorted().toList()));
		detail.put("expiresAt", expires.toString());
		if (key.bodyId() != null) {
			detail.put("bodyId", key.bodyId().toString());
		}
		audit.record(new AuditTrail.Entry("api-key.create", "api-key", key.id(), authority, detail));
		return new Created(key, secret.text());
	}

	/**
	 * Creates one filing key per body in bulk, for demo mode only: one audit entry for the batch
	 * instead of one per key. Returns the keys' texts by body id.
	 */
	@Transactional
	public Map<Long, String> createDemoBodyKeys(List<Long> bodyIds) {
		Instant now = clock.instant();
		Map<Long, String> texts = new java.util.LinkedHashMap<>();
		for (long bodyId : bodyIds) {
			ApiKeySecret secret = ApiKeySecret.generate();
			store.insert(new ApiKey(secret.id(), "demo filing key", ApiKey.OwnerKind.BODY, bodyId, null,
					Set.of(Permission.REPORT_FILE), null, now, Actor.SYSTEM.id(), now.plus(settings.defaultValidity()),
					null, null, null, null), secret.secretSha256());
			texts.put(bodyId, secret.text());
		}
		audit.record(new AuditTrail.Entry("api-key.create-demo", "api-key", null, null,
				Map.of("count", Integer.toString(bodyIds.size()))));
		return texts;
	}

	/**
	 * Revokes a key; it stops working on the next request. Revoking a revoked key changes nothing.
	 * A key the actor may not manage answers as if it did not exist.
	 */
	@Transactional
	public ApiKey revoke(Actor actor, String id) {
		ApiKey key = visible(actor, id);
		if (store.revoke(id, clock.instant(), actor.id())) {
			audit.record(new AuditTrail.Entry("api-key.revoke", "api-key", id, authorityOf(key), Map.of()));
			channels.announce(CHANNEL, id);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					inUse.invalidate(id); // here at once; other nodes when the notice arrives
				}
			});
		}
		return store.byId(id).orElseThrow();
	}

	/** Keys of one body, or the partner keys of the actor's jurisdiction when bodyId is null. */
	public List<ApiKey> list(Actor actor, Long bodyId) {
		if (bodyId != null) {
			authorize(actor, ApiKey.OwnerKind.BODY, bodyId, null);
			return store.ofBody(bodyId);
		}
		if (actor.has(Permission.API_KEY_MANAGE)) {
			return store.partners(actor.jurisdiction().isNational() ? null : actor.jurisdiction().authorityCode());
		}
		if (actor.has(Permission.API_KEY_MANAGE_OWN_BODY) && actor.bodyId() != null) {
			return store.ofBody(actor.bodyId());
		}
		throw Actor.forbidden();
	}

	/** The keys of a body (metadata only), for whoever may read the body's record. */
	public List<ApiKey> ofBody(Actor viewer, long bodyId) {
		viewer.require(Permission.BODY_RECORD_READ);
		if (!viewer.mayAccessBody(bodyId, registry.bodyAuthorities(bodyId))) {
			throw Actor.forbidden();
		}
		return store.ofBody(bodyId);
	}

	public Optional<ApiKey> find(Actor actor, String id) {
		try {
			return Optional.of(visible(actor, id));
		}
		catch (DomainException e) {
			return Optional.empty();
		}
	}

	private ApiKey visible(Actor actor, String id) {
		if (!actor.has(Permission.API_KEY_MANAGE) && !actor.has(Permission.API_KEY_MANAGE_OWN_BODY)) {
			throw Actor.forbidden();
		}
		ApiKey key = store.byId(id).orElseThrow(ApiKeyService::notFound);
		try {
			authorize(actor, key.ownerKind(), key.bodyId(), key.jurisdiction());
		}
		catch (DomainException e) {
			throw notFound();
		}
		return key;
	}

	/** Checks the actor may manage such a key; returns the authority it lies under. */
	private String authorize(Actor actor, ApiKey.OwnerKind kind, Long bodyId, String partnerJurisdiction) {
		if (kind == ApiKey.OwnerKind.BODY) {
			if (bodyId == null) {
				throw DomainException.badRequest("API_KEY_BODY_REQUIRED", "A body's key names the body");
			}
			if (actor.has(Permission.API_KEY_MANAGE_OWN_BODY) && actor.belongsTo(bodyId)) {
				return registry.bodyAuthorities(bodyId).stream().findFirst().orElse(null);
			}
			if (!actor.has(Permission.API_KEY_MANAGE)) {
				throw Actor.forbidden();
			}
			Set<String> authorities = registry.bodyAuthorities(bodyId);
			if (authorities.isEmpty()) {
				throw DomainException.notFound("BODY_NOT_FOUND", "No body with id " + bodyId, bodyId);
			}
			return authorities.stream()
				.filter(actor::covers)
				.findFirst()
				.orElseThrow(Actor::forbidden);
		}
		actor.require(Permission.API_KEY_MANAGE);
		String jurisdiction = partnerJurisdiction == null ? actor.jurisdiction().authorityCode() : partnerJurisdiction;
		if (!jurisdiction.matches("\\d{2}")) {
			throw DomainException.badRequest("JURISDICTION_INVALID", "Jurisdiction is a two-digit authority code",
					jurisdiction);
		}
		if (!actor.covers(jurisdiction)) {
			throw Actor.forbidden();
		}
		return jurisdiction;
	}

	private String authorityOf(ApiKey key) {
		return key.ownerKind() == ApiKey.OwnerKind.PARTNER ? key.jurisdiction()
				: registry.bodyAuthorities(key.bodyId()).stream().findFirst().orElse(null);
	}

	private static Set<Permission> defaults(ApiKey.OwnerKind kind) {
		return kind == ApiKey.OwnerKind.BODY ? Set.of(Permission.REPORT_FILE)
				: Set.of(Permission.REGISTRY_CROSS_CHECK);
	}

	private static DomainException notFound() {
		return DomainException.notFound("API_KEY_NOT_FOUND", "No such API key");
	}
}
