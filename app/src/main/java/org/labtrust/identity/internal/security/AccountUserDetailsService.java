package org.labtrust.identity.internal.security;

import java.time.Clock;

import org.labtrust.identity.internal.account.Account;
import org.labtrust.identity.internal.account.AccountStore;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for form login; a locked or disabled account is refused before its password is checked. */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountStore accounts;

	private final Clock clock;

	AccountUserDetailsService(AccountStore accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (username == null || username.isBlank() || username.length() > 100) {
			throw new UsernameNotFoundException("no account");
		}
		Account account = accounts.byUsername(username.strip())
			.filter(a -> a.passwordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("no account"));
		return new AccountUser(account.actor(), account.passwordHash(), account.enabled(),
				account.lockedAt(clock.instant()));
	}
}
