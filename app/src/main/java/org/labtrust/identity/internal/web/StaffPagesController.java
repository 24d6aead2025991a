package org.labtrust.identity.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.labtrust.identity.internal.IdentityProperties;
import org.labtrust.identity.internal.account.Account;
import org.labtrust.identity.internal.account.AccountStore;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.identity.internal.audit.AuditSearch;
import org.labtrust.identity.internal.audit.AuditVerifier;
import org.labtrust.notifications.Notifications;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.web.LanguageLinks;
import org.labtrust.shared.web.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages: who am I, the audit trail, and API keys. Each calls the same services as the
 * JSON API ({@link IdentityApiController}), which check permissions, jurisdiction and body again;
 * the URL rules in {@code SecurityConfiguration} only keep out those who may not open a page at
 * all. A refusal of a service ({@link DomainException}) shows the page again with the refusal in
 * the person's language ({@code problem.<code>}), what to do next, and the refusal's HTTP status.
 */
@Controller
@RequestMapping("/staff")
class StaffPagesController {

	static final String HOME = "identity/staff";

	static final String AUDIT = "identity/audit";

	static final String KEYS = "identity/api-keys";

	/** Outcomes the trail records, for the filter's choices. */
	static final List<String> OUTCOMES = List.of("SUCCESS", "FAILED", "LOCKED");

	private final ApiKeyService keys;

	private final AuditSearch auditSearch;

	private final AuditVerifier auditVerifier;

	private final AccountStore accounts;

	private final RegistryQueries registry;

	private final Notifications notifications;

	private final MessageSource messages;

	private final IdentityProperties.ApiKeys keySettings;

	private final Clock clock;

	StaffPagesController(ApiKeyService keys, AuditSearch auditSearch, AuditVerifier auditVerifier,
			AccountStore accounts, RegistryQueries registry, Notifications notifications, MessageSource messages,
			IdentityProperties properties, Clock clock) {
		this.keys = keys;
		this.auditSearch = auditSearch;
		this.auditVerifier = auditVerifier;
		this.accounts = accounts;
		this.registry = registry;
		this.notifications = notifications;
		this.messages = messages;
		this.keySettings = properties.apiKeys();
		this.clock = clock;
	}

	/** A refusal as the page shows it. */
	record Problem(int status, String code, String title, String message, String next) {
	}

	/** A page this actor may open, for the staff home. */
	record Link(String href, String label, String hint) {
	}

	// --- who am I

	@GetMapping
	String home(Model model) {
		Actor actor = Actors.current();
		model.addAttribute("actor", actor);
		model.addAttribute("displayName", displayName(actor));
		model.addAttribute("jurisdictionCode", actor.jurisdiction() == null ? null : actor.jurisdiction().authorityCode());
		model.addAttribute("body", actor.bodyId() == null ? null : registry.bodyRef(actor.bodyId()).orElse(null));
		List<Link> links = new ArrayList<>();
		if (actor.kind() == Actor.Kind.PERSON && actor.bodyId() != null) {
			// notices to the body (certificate expiry and renewal reminders), with this person's unread count
			links.add(new Link("/staff/inbox", "staff.link.inbox", "staff.link.inbox.hint"));
			model.addAttribute("inboxUnread", notifications.unreadCount(actor));
		}
		if (actor.has(Permission.REPORT_FILE) && actor.bodyId() != null) {
			links.add(new Link("/staff/reports", "staff.link.reports", "staff.link.reports.hint"));
		}
		if (actor.has(Permission.API_KEY_MANAGE) || actor.has(Permission.API_KEY_MANAGE_OWN_BODY)) {
			links.add(new Link("/staff/api-keys", "staff.link.keys",
					actor.has(Permission.API_KEY_MANAGE) ? "staff.link.keys.hint.admin" : "staff.link.keys.hint.body"));
		}
		if (actor.has(Permission.AUDIT_READ)) {
			links.add(new Link("/staff/audit", "staff.link.audit", "staff.link.audit.hint"));
		}
		// licensing (texts in i18n/licensing-pages): a body's applications, an officer's queue, an assessor's tasks
		if (actor.bodyId() != null && actor.has(Permission.APPLICATION_SUBMIT)) {
			links.add(new Link("/staff/applications", "lp.link", "lp.link.hint.body"));
		}
		else if (actor.jurisdiction() != null
				&& (actor.has(Permission.APPLICATION_ACCEPT) || actor.has(Permission.APPLICATION_DECIDE))) {
			links.add(new Link("/staff/applications", "lp.link", "lp.link.hint.officer"));
		}
		else if (actor.has(Permission.ASSESSMENT_PERFORM)) {
			links.add(new Link("/staff/applications", "lp.link", "lp.link.hint.assessor"));
		}
		model.addAttribute("links", links);
		return HOME;
	}

	private String displayName(Actor actor) {
		if (actor.kind() == Actor.Kind.PERSON && actor.id().startsWith("account:")) {
			try {
				long id = Long.parseLong(actor.id().substring("account:".length()));
				return accounts.byId(id).map(Account::displayName).filter(n -> !n.isBlank()).orElse(actor.name());
			}
			catch (NumberFormatException e) {
				return actor.name();
			}
		}
		return actor.name();
	}

	// --- the audit trail

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String before,
			@RequestParam(required = false) String verify, Model model, HttpServletResponse response) {
		Actor viewer = Actors.current();
		AuditSearch.Query query = new AuditSearch.Query(actor, action, targetType, targetId, outcome, from, to,
				before);
		boolean national = viewer.jurisdiction() != null && viewer.jurisdiction().isNational();
		model.addAttribute("query", query);
		model.addAttribute("outcomes", OUTCOMES);
		model.addAttribute("mayVerify", national);
		model.addAttribute("verifyUrl", auditUrl(query, query.before(), true));
		model.addAttribute("items", List.of());
		try {
			AuditSearch.Page page = auditSearch.search(query, viewer);
			model.addAttribute("items", page.items());
			model.addAttribute("nextUrl",
					page.nextBefore() == null ? null : auditUrl(query, page.nextBefore().toString(), false));
			model.addAttribute("firstUrl", blank(before) ? null : auditUrl(query, null, false));
			if ("1".equals(verify)) {
				if (!national) {
					throw Actor.forbidden(); // the chain is one for the whole country
				}
				model.addAttribute("verification", auditVerifier.verify(null, null));
			}
		}
		catch (DomainException e) {
			return problem(e, model, response, AUDIT);
		}
		return AUDIT;
	}

	/** The audit page with these filters; each value encoded whole, so that {@code &} or {@code +} in it stays in it. */
	private static String auditUrl(AuditSearch.Query query, String before, boolean verify) {
		StringJoiner params = new StringJoiner("&", "/staff/audit?", "").setEmptyValue("/staff/audit");
		param(params, "actor", query.actor());
		param(params, "action", query.action());
		param(params, "targetType", query.targetType());
		param(params, "targetId", query.targetId());
		param(params, "outcome", query.outcome());
		param(params, "from", query.from());
		param(params, "to", query.to());
		param(params, "before", before);
		if (verify) {
			params.add("verify=1");
		}
		return params.toString();
	}

	private static void param(StringJoiner params, String name, String value) {
		if (!blank(value)) {
			params.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
		}
	}

	// --- API keys

	/** What a key form holds: the defaults, or what was posted when it is shown again after a refusal. */
	record KeyForm(String label, String expiresOn, String bodyId, String jurisdiction, Set<Permission> permissions) {
	}

	/** Whose keys the list shows. */
	record Listing(Kind kind, Long bodyId, String bodyName, String jurisdiction) {

		enum Kind {
			OWN_BODY, BODY, PARTNER
		}
	}

	/** An authority a partner key may be bound to. */
	record Authority(String code, String name) {
	}

	@GetMapping("/api-keys")
	String apiKeys(@RequestParam(required = false) String bodyId, Model model, HttpServletResponse response) {
		Actor actor = Actors.current();
		keyForms(model, actor, bodyId, null, null);
		try {
			listKeys(model, actor, bodyId);
		}
		catch (DomainException e) {
			return problem(e, model, response, KEYS);
		}
		return KEYS;
	}

	@PostMapping("/api-keys")
	String createKey(@RequestParam(required = false) String ownerKind, @RequestParam(required = false) String label,
			@RequestParam(required = false) String expiresOn, @RequestParam(required = false) String bodyId,
			@RequestParam(required = false) String jurisdiction,
			@RequestParam(required = false) List<String> permissions, Model model, HttpServletResponse response) {
		Actor actor = Actors.current();
		boolean admin = actor.has(Permission.API_KEY_MANAGE);
		ApiKey.OwnerKind kind = "PARTNER".equals(ownerKind) ? ApiKey.OwnerKind.PARTNER : ApiKey.OwnerKind.BODY;
		// after a refusal the list shows what it showed before: the body typed in, or the partner keys
		String listed = admin && kind == ApiKey.OwnerKind.BODY && !blank(bodyId) ? bodyId.strip() : null;
		Set<Permission> chosen = EnumSet.noneOf(Permission.class);
		try {
			if (ownerKind != null && !"BODY".equals(ownerKind) && !"PARTNER".equals(ownerKind)) {
				throw DomainException.badRequest("PARAMETER_INVALID", "ownerKind is BODY or PARTNER", "ownerKind");
			}
			chosen = permissions(permissions, kind);
			// a body administrator's key is for their own body, whatever was posted
			Long body = kind == ApiKey.OwnerKind.PARTNER ? null : admin ? optionalId(bodyId) : actor.bodyId();
			ApiKeyService.Created created = keys.create(actor, new ApiKeyService.NewKey(label, kind, body,
					kind == ApiKey.OwnerKind.PARTNER && !blank(jurisdiction) ? jurisdiction.strip() : null, chosen,
					date(expiresOn), null));
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("created", created);
			// the list the new key is in: its body's for an administrator, else the partner or own body keys
			String shown = admin && created.key().bodyId() != null ? created.key().bodyId().toString() : null;
			keyForms(model, actor, shown, null, null);
			listKeys(model, actor, shown);
			return KEYS;
		}
		catch (DomainException e) {
			keyForms(model, actor, listed, kind, new KeyForm(label, expiresOn, bodyId, jurisdiction, chosen));
			try {
				listKeys(model, actor, listed);
			}
			catch (DomainException listing) {
				model.addAttribute("keys", List.of());
			}
			return problem(e, model, response, KEYS);
		}
	}

	@PostMapping("/api-keys/{id}/revoke")
	String revokeKey(@PathVariable String id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Actor actor = Actors.current();
		try {
			ApiKey key = keys.revoke(actor, id);
			redirect.addFlashAttribute("revokedId", key.id());
			redirect.addFlashAttribute("revokedLabel", key.label());
			if (key.bodyId() != null && !actor.belongsTo(key.bodyId())) {
				redirect.addAttribute("bodyId", key.bodyId());
			}
			return "redirect:/staff/api-keys";
		}
		catch (DomainException e) {
			// this address takes only POST: the language switch goes to the keys page
			model.addAttribute("lang", LanguageLinks.at("/staff/api-keys", LocaleContextHolder.getLocale()));
			keyForms(model, actor, null, null, null);
			try {
				listKeys(model, actor, null);
			}
			catch (DomainException listing) {
				model.addAttribute("keys", List.of());
			}
			return problem(e, model, response, KEYS);
		}
	}

	/** The keys of the body asked for, of the actor's own body, or the partner keys of the jurisdiction. */
	private void listKeys(Model model, Actor actor, String bodyIdText) {
		model.addAttribute("keys", List.of());
		Long bodyId = optionalId(bodyIdText);
		List<ApiKey> list = keys.list(actor, bodyId);
		Listing listing;
		if (bodyId == null && !actor.has(Permission.API_KEY_MANAGE)) {
			listing = new Listing(Listing.Kind.OWN_BODY, actor.bodyId(), bodyName(actor.bodyId()), null);
		}
		else if (bodyId == null) {
			listing = new Listing(Listing.Kind.PARTNER, null, null, actor.jurisdiction().authorityCode());
		}
		else {
			listing = new Listing(actor.belongsTo(bodyId) ? Listing.Kind.OWN_BODY : Listing.Kind.BODY, bodyId,
					bodyName(bodyId), null);
		}
		model.addAttribute("keys", list);
		model.addAttribute("listing", listing);
	}

	/**
	 * The create forms: a body administrator's for their body; an administrator's for a body's key
	 * and for a partner system's key. {@code posted} refills the form of that kind after a refusal.
	 */
	private void keyForms(Model model, Actor actor, String bodyIdText, ApiKey.OwnerKind postedKind, KeyForm posted) {
		boolean admin = actor.has(Permission.API_KEY_MANAGE);
		model.addAttribute("admin", admin);
		model.addAttribute("lookupBodyId", admin && !blank(bodyIdText) ? bodyIdText.strip() : "");
		KeyForm body = new KeyForm("", "", admin && !blank(bodyIdText) ? bodyIdText.strip() : "", null,
				Set.of(Permission.REPORT_FILE));
		KeyForm partner = new KeyForm("", "", null,
				actor.jurisdiction() == null ? null : actor.jurisdiction().authorityCode(),
				Set.of(Permission.REGISTRY_CROSS_CHECK));
		if (postedKind == ApiKey.OwnerKind.BODY && posted != null) {
			body = posted;
		}
		if (postedKind == ApiKey.OwnerKind.PARTNER && posted != null) {
			partner = posted;
		}
		model.addAttribute("bodyForm", body);
		model.addAttribute("partnerForm", partner);
		model.addAttribute("postedKind", postedKind == null ? null : postedKind.name());
		model.addAttribute("bodyPermissions", new TreeSet<>(ApiKeyService.BODY_KEY_PERMISSIONS));
		model.addAttribute("partnerPermissions", new TreeSet<>(ApiKeyService.PARTNER_KEY_PERMISSIONS));
		model.addAttribute("authorities", admin ? authorities(actor) : List.of());
		LocalDate today = LocalDate.now(clock.withZone(StaffFormat.BEIJING));
		model.addAttribute("defaultDays", keySettings.defaultValidity().toDays());
		model.addAttribute("maxDays", keySettings.maxValidity().toDays());
		model.addAttribute("minDate", today.plusDays(1).toString());
		model.addAttribute("maxDate", today.plusDays(keySettings.maxValidity().toDays()).toString());
	}

	/** The authorities an administrator's jurisdiction covers: one province, or the nation and every province. */
	private List<Authority> authorities(Actor actor) {
		Jurisdiction jurisdiction = actor.jurisdiction();
		if (jurisdiction == null) {
			return List.of();
		}
		boolean zh = RegistryQueries.isChinese(LocaleContextHolder.getLocale());
		Set<String> codes = new TreeSet<>();
		codes.add(jurisdiction.authorityCode());
		if (jurisdiction.isNational()) {
			registry.codes().provinces().forEach(p -> codes.add(p.authorityCode()));
		}
		return codes.stream()
			.filter(code -> registry.codes().isKnownAuthority(code))
			.map(code -> new Authority(code, registry.authorityName(code, zh)))
			.toList();
	}

	private String bodyName(Long bodyId) {
		return bodyId == null ? null : registry.bodyRef(bodyId).map(RegistryQueries.BodyRef::name).orElse(null);
	}

	private static Set<Permission> permissions(List<String> names, ApiKey.OwnerKind kind) {
		Set<Permission> chosen = EnumSet.noneOf(Permission.class);
		if (names == null) {
			return chosen;
		}
		for (String name : names) {
			try {
				chosen.add(Permission.valueOf(name));
			}
			catch (IllegalArgumentException e) {
				throw DomainException.badRequest("API_KEY_PERMISSION_INVALID",
						"Permissions not grantable to this kind of key", kind);
			}
		}
		return chosen;
	}

	private LocalDate date(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			long max = keySettings.maxValidity().toDays();
			throw DomainException.badRequest("API_KEY_EXPIRY_INVALID",
					"Expiry must be in the future and within " + max + " days", max);
		}
	}

	private static Long optionalId(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("BODY_ID_INVALID", "Not a number: " + text, text.strip());
		}
	}

	// --- refusals

	private String problem(DomainException e, Model model, HttpServletResponse response, String view) {
		HttpStatus status = HttpStatus.resolve(e.status()) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(e.status());
		Locale locale = LocaleContextHolder.getLocale();
		String generalTitle = messages.getMessage("staff.problem.title", null, status.getReasonPhrase(), locale);
		String title = messages.getMessage("problem." + e.code() + ".title", null,
				messages.getMessage("staff.problem.title." + status.value(), null, generalTitle, locale), locale);
		String message = messages.getMessage("problem." + e.code(), ProblemResponses.plain(e.args()), e.code(),
				locale);
		String next = messages.getMessage("staff.problem.next." + status.value(), null,
				messages.getMessage("staff.problem.next", null, "", locale), locale);
		response.setStatus(status.value());
		model.addAttribute("problem", new Problem(status.value(), e.code(), title, message, next));
		return view;
	}


	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
