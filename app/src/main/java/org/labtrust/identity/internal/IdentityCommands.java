package org.labtrust.identity.internal;

import java.io.Console;
import java.util.List;
import java.util.Set;

import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.identity.internal.account.AccountStore;
import org.labtrust.identity.internal.audit.AuditVerifier;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up duties and commands of identity:
 * <ul>
 * <li>{@code java -jar labtrust.jar create-admin --username=NAME}: creates a national
 * administrator, the password from {@code LABTRUST_ADMIN_PASSWORD} or typed at the console;</li>
 * <li>{@code java -jar labtrust.jar verify-audit}: walks the audit chain, prints the result, exits 0
 * when intact and 1 when broken;</li>
 * <li>at every start: when {@code labtrust.identity.bootstrap-admin.username} and {@code .password}
 * are set and no administrator exists, creates that one.</li>
 * </ul>
 */
@Component
@Order(5)
class IdentityCommands implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IdentityCommands.class);

	private final AccountService accountService;

	private final AccountStore accounts;

	private final AuditVerifier verifier;

	private final IdentityProperties properties;

	private final ApplicationContext context;

	IdentityCommands(AccountService accountService, AccountStore accounts, AuditVerifier verifier,
			IdentityProperties properties, ApplicationContext context) {
		this.accountService = accountService;
		this.accounts = accounts;
		this.verifier = verifier;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> commands = args.getNonOptionArgs();
		if (commands.contains("verify-audit")) {
			AuditVerifier.Result result = verifier.verify(null, null);
			System.out.println(result.intact()
					? "audit trail intact: " + result.rows() + " rows, head " + result.headSeq() + " " + result.headHash()
					: "audit trail BROKEN at row " + result.firstBreak().seq() + ": " + result.firstBreak().reason());
			int code = result.intact() ? 0 : 1;
			System.exit(SpringApplication.exit(context, () -> code));
			return;
		}
		if (commands.contains("create-admin")) {
			List<String> names = args.getOptionValues("username");
			String username = names == null || names.isEmpty() ? null : names.get(0);
			String password = System.getenv("LABTRUST_ADMIN_PASSWORD");
			Console console = System.console();
			if (password == null && console != null) {
				char[] typed = console.readPassword("Password for %s: ", username);
				password = typed == null ? null : new String(typed);
			}
			int code = 0;
			try {
				createAdmin(username, password);
				System.out.println("national administrator " + username + " created");
			}
			catch (DomainException e) {
				System.err.println("not created: " + e.code() + ": " + e.getMessage());
				code = 1;
			}
			int exit = code;
			System.exit(SpringApplication.exit(context, () -> exit));
			return;
		}
		IdentityProperties.BootstrapAdmin bootstrap = properties.bootstrapAdmin();
		if (bootstrap.username() != null && !bootstrap.username().isBlank() && bootstrap.password() != null
				&& !bootstrap.password().isBlank()
				&& !accounts.anyWithRole(Role.ADMINISTRATOR)) {
			createAdmin(bootstrap.username(), bootstrap.password());
			log.info("Created the first national administrator, {}", bootstrap.username());
		}
	}

	private void createAdmin(String username, String password) {
		Actors.callAs(Actor.SYSTEM, () -> accountService.createAtStartup(new AccountService.NewAccount(username,
				username, password, Set.of(Role.ADMINISTRATOR), "00", null)));
	}
}
