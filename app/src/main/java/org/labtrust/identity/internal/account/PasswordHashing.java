package org.labtrust.identity.internal.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are hashed, for sign-in and for commands that create accounts without a web server. */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, with the algorithm named in the stored hash so that it can be upgraded
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
