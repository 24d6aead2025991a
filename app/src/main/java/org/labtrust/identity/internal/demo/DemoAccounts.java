package org.labtrust.identity.internal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.identity.internal.account.AccountStore;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DatabaseMode;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode: on the embedded database with demo data, creates an account for every role (each
 * regulator role nationally, in Guangdong and in Jiangsu; body users of one body in each of those
 * provinces), a filing key for every body and a partner key, and writes them all to
 * {@code demo-credentials.json} in the data directory (owner-readable only). Runs once: when any
 * account exists, it does nothing.
 */
@Component
@Order(10)
class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	static final String FILE = "demo-credentials.json";

	/** Guangdong and Jiangsu: two provinces so that jurisdiction can be tried across them. */
	static final Map<String, String> PROVINCES = Map.of("gd", "19", "js", "10");

	private static final List<Role> REGULATOR_ROLES = List.of(Role.ACCEPTANCE_OFFICER, Role.DECISION_OFFICER,
			Role.INSPECTOR, Role.PT_COORDINATOR, Role.CREDIT_OFFICER, Role.ADMINISTRATOR);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseMode mode;

	private final String demoLoad;

	private final int assessors;

	private final Path dataDir;

	private final AccountStore accounts;

	private final AccountService accountService;

	private final ApiKeyService keys;

	private final RegistryQueries registry;

	private final Clock clock;

	DemoAccounts(DatabaseMode mode, @Value("${labtrust.demo.load:AUTO}") String demoLoad,
			@Value("${labtrust.demo.assessors:40}") int assessors,
			@Value("${labtrust.data-dir}") String dataDir, AccountStore accounts, AccountService accountService,
			ApiKeyService keys, RegistryQueries registry, Clock clock) {
		this.mode = mode;
		this.demoLoad = demoLoad;
		this.assessors = assessors;
		this.dataDir = Path.of(dataDir);
		this.accounts = accounts;
		this.accountService = accountService;
		this.keys = keys;
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Actors.callAs(Actor.SYSTEM, () -> {
			try {
				createIfDemo();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return null;
		});
	}

	private void createIfDemo() throws IOException {
		if (!mode.demoData(demoLoad) || !accounts.list(null, null, 1).isEmpty()) {
			return;
		}
		List<RegistryQueries.BodyRef> bodies = registry.allBodies();
		if (bodies.isEmpty()) {
			return;
		}
		long start = System.nanoTime();
		List<Map<String, Object>> created = new ArrayList<>();
		for (Role role : REGULATOR_ROLES) {
			String suffix = role.name().toLowerCase().replace('_', '-');
			created.add(account("national-" + suffix, "国家 " + suffix, role, "00", null));
			PROVINCES.forEach((prefix, authority) -> created
				.add(account(prefix + "-" + suffix, prefix.toUpperCase() + " " + suffix, role, authority, null)));
		}
		PROVINCES.forEach((prefix, authority) -> bodyOf(authority).ifPresent(body -> {
			created.add(account(prefix + "-body-admin", body.name() + " 管理员", Role.BODY_ADMIN, null, body));
			created.add(account(prefix + "-body-user", body.name() + " 用户", Role.BODY_USER, null, body));
		}));
		// one account per demo assessor; the licensing module's demo pool uses the same names
		created.add(account("assessor", "评审员 1", Role.ASSESSOR, null, null));
		for (int i = 2; i <= assessors; i++) {
			created.add(account(String.format("assessor-%02d", i), "评审员 " + i, Role.ASSESSOR, null, null));
		}
		created.add(account("partner", "合作部门", Role.PARTNER_SYSTEM, null, null));

		ApiKeyService.Created partnerKey = keys.create(Actor.SYSTEM, new ApiKeyService.NewKey("demo partner",
				ApiKey.OwnerKind.PARTNER, null, "00", Set.of(Permission.REGISTRY_CROSS_CHECK), null, null));
		Map<Long, String> bodyKeys = keys.createDemoBodyKeys(bodies.stream().map(RegistryQueries.BodyRef::id).toList());

		Map<String, Object> file = new LinkedHashMap<>();
		file.put("note", "Demo credentials, created " + LocalDate.now(clock) + ". Never use demo mode with real data.");
		file.put("accounts", created);
		file.put("partnerKeys", List.of(Map.of("id", partnerKey.key().id(), "key", partnerKey.secret(),
				"permissions", partnerKey.key().permissions())));
		List<Map<String, Object>> bodyKeyList = new ArrayList<>();
		for (RegistryQueries.BodyRef body : bodies) {
			bodyKeyList.add(Map.of("bodyId", body.id(), "creditCode", body.creditCode(), "name", body.name(), "key",
					bodyKeys.get(body.id())));
		}
		file.put("bodyKeys", bodyKeyList);
		Path path = dataDir.resolve(FILE);
		Files.createDirectories(dataDir);
		Files.write(path, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
			.writeValueAsBytes(file));
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system; the data directory's own permissions apply
		}
		log.info("Demo accounts ({}) and keys ({} bodies) created in {} ms; credentials in {}", created.size(),
				bodies.size(), (System.nanoTime() - start) / 1_000_000, path.toAbsolutePath());
	}

	private Optional<RegistryQueries.BodyRef> bodyOf(String authority) {
		return registry.firstBodyOfAuthority(authority);
	}

	private Map<String, Object> account(String username, String displayName, Role role, String jurisdiction,
			RegistryQueries.BodyRef body) {
		String password = password();
		accountService.createAtStartup(new AccountService.NewAccount(username, displayName, password, Set.of(role),
				jurisdiction, body == null ? null : body.id()));
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("username", username);
		entry.put("password", password);
		entry.put("role", role);
		if (jurisdiction != null) {
			entry.put("jurisdiction", jurisdiction);
		}
		if (body != null) {
			entry.put("bodyId", body.id());
			entry.put("bodyName", body.name());
		}
		return entry;
	}

	/** 16 characters from an alphabet without look-alikes. */
	private static String password() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		StringBuilder password = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return password.toString();
	}
}
