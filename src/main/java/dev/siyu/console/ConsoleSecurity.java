package dev.siyu.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two ways in: the HTTP API and WeCom's callbacks carry their own credentials (API keys,
 * signed messages) and keep no session, so they get neither login nor CSRF; everything
 * else is the console, behind a form login with a session and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurity {

	/**
	 * WeCom's callbacks are verified by their signature, thousands a second: they skip
	 * the security filters altogether.
	 */
	@Bean
	WebSecurityCustomizer signedCallbacks() {
		return web -> web.ignoring().requestMatchers("/wecom/callback/**");
	}

	@Bean
	@Order(1)
	SecurityFilterChain machines(HttpSecurity http) {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http) {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/webjars/**", "/console/**", "/favicon.ico", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", true))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.build();
	}

}
