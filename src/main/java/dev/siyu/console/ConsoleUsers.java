package dev.siyu.console;

import dev.siyu.tenant.Users;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Console users as Spring Security signs them in. Roles are per tenant, so they are not
 * authorities here: {@link Workspaces} reads them for the tenant a request works in.
 */
@Component
class ConsoleUsers implements UserDetailsService {

	private final Users users;

	ConsoleUsers(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.users.credentials(username)
			.map(user -> User.withUsername(user.username())
				.password(user.passwordHash())
				.disabled(user.disabled())
				.authorities("USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no user named '" + username + "'"));
	}

	/** The same encoder that hashed the passwords ({@code {bcrypt}...}). */
	@org.springframework.context.annotation.Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
