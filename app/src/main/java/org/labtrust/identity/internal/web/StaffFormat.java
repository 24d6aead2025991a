package org.labtrust.identity.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the staff pages write times, roles, permissions, key states and audit outcomes, in the
 * language of the request: 2026年11月27日 18:05:03 in Chinese and 2026-11-27 18:05:03 in English,
 * Beijing time. Templates call it as {@code @staffFormat}.
 */
@Component("staffFormat")
class StaffFormat {

	static final ZoneId BEIJING = ChinaTime.ZONE;

	private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("uuuu年M月d日");

	private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String NONE = "—";

	private final MessageSource messages;

	private final RegistryQueries registry;

	private final Clock clock;

	StaffFormat(MessageSource messages, RegistryQueries registry, Clock clock) {
		this.messages = messages;
		this.registry = registry;
		this.clock = clock;
	}

	public boolean zh() {
		return RegistryQueries.isChinese(locale());
	}

	/** The day of an instant in Beijing time. */
	public String date(Instant instant) {
		return instant == null ? NONE : (zh() ? DATE_ZH : DATE_EN).format(instant.atZone(BEIJING).toLocalDate());
	}

	/** An instant to the second in Beijing time. */
	public String dateTime(Instant instant) {
		return instant == null ? NONE : date(instant) + " " + TIME.format(instant.atZone(BEIJING));
	}

	/** For a {@code <time datetime>} attribute. */
	public String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	public String role(Role role) {
		return text("role." + role.name(), role.name());
	}

	/** Roles in words, e.g. 机构管理员、机构用户. */
	public String roles(Collection<Role> roles) {
		return join(roles.stream().sorted().map(this::role).toList());
	}

	/** Roles as the audit trail stores them (comma-separated names), in words. */
	public String roleNames(String names) {
		if (names == null || names.isBlank()) {
			return NONE;
		}
		return join(Arrays.stream(names.split(",")).map(String::strip).map(name -> text("role." + name, name)).toList());
	}

	public String permission(Permission permission) {
		return text("permission." + permission.name(), permission.name());
	}

	public List<String> permissions(Collection<Permission> permissions) {
		return permissions.stream().sorted().map(this::permission).toList();
	}

	/** The authority of a jurisdiction by name, e.g. 广东省市场监督管理局 for 19. */
	public String jurisdiction(String authorityCode) {
		if (authorityCode == null || authorityCode.isBlank()) {
			return NONE;
		}
		if (!registry.codes().isKnownAuthority(authorityCode)) {
			return authorityCode;
		}
		return registry.authorityName(authorityCode, zh());
	}

	public ApiKey.State state(ApiKey key) {
		return key.stateAt(clock.instant());
	}

	public String stateLabel(ApiKey.State state) {
		return text("keys.state." + state.name(), state.name());
	}

	public String ownerKind(ApiKey.OwnerKind kind) {
		return text("keys.owner." + kind.name(), kind.name());
	}

	public String outcome(String outcome) {
		return outcome == null ? NONE : text("audit.outcome." + outcome, outcome);
	}

	/** An audit action in words where one is known, e.g. 登录 for {@code login}; else the code. */
	public String action(String action) {
		return action == null ? NONE : text("audit.action." + action, action);
	}

	/** CSS class of a badge: {@code status-active}, {@code status-failed}... */
	public String statusClass(Object status) {
		return status == null ? "status-none" : "status-" + status.toString().toLowerCase(Locale.ROOT);
	}

	/** The detail of an audit row (a JSON object of strings) as key-value pairs; unreadable text as one pair. */
	public List<Map.Entry<String, String>> detail(String json) {
		if (json == null || json.isBlank() || "{}".equals(json.strip())) {
			return List.of();
		}
		try {
			Map<String, Object> map = JSON.readValue(json, new TypeReference<TreeMap<String, Object>>() {
			});
			List<Map.Entry<String, String>> pairs = new ArrayList<>();
			map.forEach((k, v) -> pairs.add(Map.entry(k, String.valueOf(v))));
			return pairs;
		}
		catch (RuntimeException e) {
			return List.of(Map.entry("", json));
		}
	}

	public String orNone(Object value) {
		return value == null || value.toString().isBlank() ? NONE : value.toString();
	}

	private String join(List<String> words) {
		return words.isEmpty() ? NONE : String.join(zh() ? "、" : ", ", words);
	}

	private String text(String code, String fallback) {
		return messages.getMessage(code, null, fallback, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
