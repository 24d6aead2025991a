package org.labtrust.identity.internal.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.shared.access.ActorPrincipal;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: every endpoint of the platform has an explicit rule here, and anything not
 * listed is denied. The rules ask for permissions (see {@link org.labtrust.shared.access.Role} for
 * who holds which); jurisdiction and body ownership are checked again by the services.
 * {@code AuthorizationMatrixTest} enumerates the application's endpoints and fails for any without
 * a rule.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/** Pages and scripts come from this origin only; no inline scripts, no framing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * No Micrometer observation per security filter: they cost more than the filters themselves
	 * (bench/identity). Requests are still observed as a whole (http.server.requests).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Requests with {@code Authorization: Bearer}: stateless, no session, cookie or CSRF machinery,
	 * the same rules. Kept lean because systems call it at volume (report filing).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiKeyChain(HttpSecurity http, ApiKeyService keys, RateLimiter limits,
			ProblemResponses problems, KnownEndpoints known) throws Exception {
		http.securityMatcher(ApiKeyAuthenticationFilter::hasBearer)
			.authorizeHttpRequests(SecurityConfiguration::rules)
			.addFilterBefore(new RequestIdFilter(), SecurityContextHolderFilter.class)
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys, limits, problems), AuthorizationFilter.class)
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.csrf(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> refuse(request, response, known, problems,
						HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"))
				.accessDeniedHandler((request, response, e) -> refuse(request, response, known, problems,
						HttpStatus.FORBIDDEN, "FORBIDDEN")));
		headers(http);
		return http.build();
	}

	/** Everything else: people with sessions and the anonymous public. */
	@Bean
	@Order(2)
	SecurityFilterChain browserChain(HttpSecurity http, RateLimiter limits, ProblemResponses problems,
			ObjectProvider<ClientRegistrationRepository> oidc, OidcAccounts oidcAccounts, KnownEndpoints known,
			AuditTrail audit) throws Exception {
		RequestMatcher api = request -> request.getServletPath().startsWith("/api/")
				|| request.getServletPath().startsWith("/actuator/");
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !api.matches(request));
		LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		AccessDeniedHandlerImpl pageDenied = new AccessDeniedHandlerImpl();

		http.authorizeHttpRequests(SecurityConfiguration::rules)
			.addFilterBefore(new RequestIdFilter(), SecurityContextHolderFilter.class)
			.addFilterBefore(new RateLimitFilter(limits, problems), UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/?signedOut")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
						audit.recordAttempt(principal.actor(),
								AuditTrail.Entry.of("logout", "account", principal.actor().id()), "SUCCESS");
					}
				}))
			.requestCache(cache -> cache.requestCache(requestCache))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor((request, response, e) -> refuse(request, response, known,
						problems, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"), api)
				.defaultAuthenticationEntryPointFor((request, response, e) -> {
					if (!unknown(request, response, known, problems)) {
						loginPage.commence(request, response, e);
					}
				}, request -> true)
				.defaultAccessDeniedHandlerFor((request, response, e) -> refuse(request, response, known, problems,
						HttpStatus.FORBIDDEN, e instanceof CsrfException ? "CSRF_INVALID" : "FORBIDDEN"), api)
				.defaultAccessDeniedHandlerFor((request, response, e) -> {
					if (!unknown(request, response, known, problems)) {
						pageDenied.handle(request, response, e);
					}
				}, request -> true))
			.httpBasic(AbstractHttpConfigurer::disable);
		headers(http);
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login(login -> login.loginPage("/login")
				.defaultSuccessUrl("/staff", false)
				.userInfoEndpoint(user -> user.oidcUserService(oidcAccounts)));
		}
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
	}

	/** An API refusal: 404/405 for a request no endpoint takes, else the given status and code. */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, KnownEndpoints known,
			ProblemResponses problems, HttpStatus status, String code) throws IOException {
		if (!unknown(request, response, known, problems)) {
			problems.write(request, response, status, code, new Object[0],
					status == HttpStatus.UNAUTHORIZED ? "Sign in or send an API key" : "Not allowed for this account");
		}
	}

	/**
	 * Answers 404 or 405 for a request that no endpoint takes (an API problem, or the error page);
	 * true when it did.
	 */
	private static boolean unknown(HttpServletRequest request, HttpServletResponse response, KnownEndpoints known,
			ProblemResponses problems) throws IOException {
		var status = known.unknown(request);
		if (status.isEmpty()) {
			return false;
		}
		if (request.getServletPath().startsWith("/api/")) {
			boolean notFound = status.get() == HttpStatus.NOT_FOUND;
			problems.write(request, response, status.get(), notFound ? "NOT_FOUND" : "METHOD_NOT_ALLOWED",
					new Object[] { notFound ? request.getRequestURI() : request.getMethod() },
					notFound ? "No resource " + request.getRequestURI() : "Method not allowed here");
		}
		else {
			response.sendError(status.get().value());
		}
		return true;
	}

	/** The rules, most specific first. */
	private static void rules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		// errors, sign-in, static resources, the public pages and the public registry API
		rules.requestMatchers("/error").permitAll()
			.requestMatchers(HttpMethod.GET, "/login").permitAll()
			.requestMatchers(HttpMethod.POST, "/logout").permitAll()
			.requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
			.requestMatchers(HttpMethod.GET, "/", "/search", "/bodies/{id}", "/certificates", "/certificates/{number}")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/**").hasAuthority(Permission.METRICS_READ.name());

		// staff API (before the public /api/v1/bodies/** and /api/v1/certificates/** rules)
		rules.requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/me/password").authenticated() // people only: checked in the service
			// a person's inbox: the notices of their body (people only, and only their body: checked in the service)
			.requestMatchers(HttpMethod.GET, "/api/v1/inbox").authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/inbox/{id}/read").authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/bodies/{id}/record")
			.hasAuthority(Permission.BODY_RECORD_READ.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/certificates/{number}/status")
			.hasAuthority(Permission.CERTIFICATE_STATUS_CHANGE.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/registry/cross-check")
			.hasAuthority(Permission.REGISTRY_CROSS_CHECK.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/accounts").hasAuthority(Permission.ACCOUNT_MANAGE.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/accounts/{id}/unlock",
					"/api/v1/accounts/{id}/enable", "/api/v1/accounts/{id}/disable")
			.hasAuthority(Permission.ACCOUNT_MANAGE.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/api-keys", "/api/v1/api-keys/{id}")
			.hasAnyAuthority(Permission.API_KEY_MANAGE.name(), Permission.API_KEY_MANAGE_OWN_BODY.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/api-keys", "/api/v1/api-keys/{id}/revoke")
			.hasAnyAuthority(Permission.API_KEY_MANAGE.name(), Permission.API_KEY_MANAGE_OWN_BODY.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/verify")
			.hasAuthority(Permission.AUDIT_READ.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/reports/filings", "/api/v1/reports/revocations")
			.hasAuthority(Permission.REPORT_FILE.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/applications")
			.hasAuthority(Permission.APPLICATION_SUBMIT.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/applications")
			.hasAnyAuthority(Permission.APPLICATION_SUBMIT.name(), Permission.APPLICATION_ACCEPT.name(),
					Permission.APPLICATION_DECIDE.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/applications/procedures")
			.hasAuthority(Permission.APPLICATION_SUBMIT.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/applications/{id}/attachments")
			.hasAnyAuthority(Permission.APPLICATION_SUBMIT.name(), Permission.ASSESSMENT_PERFORM.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/applications/{id}/findings")
			.hasAuthority(Permission.ASSESSMENT_PERFORM.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/applications/{id}/findings/{findingId}/response")
			.hasAuthority(Permission.APPLICATION_SUBMIT.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/applications/{id}/team")
			.hasAuthority(Permission.APPLICATION_ACCEPT.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/applications/{id}", "/api/v1/applications/{id}/team",
					"/api/v1/applications/{id}/attachments/{attachmentId}")
			.hasAnyAuthority(Permission.APPLICATION_SUBMIT.name(), Permission.APPLICATION_ACCEPT.name(),
					Permission.APPLICATION_DECIDE.name(), Permission.ASSESSMENT_PERFORM.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/applications/{id}/events")
			.hasAnyAuthority(Permission.APPLICATION_SUBMIT.name(), Permission.APPLICATION_ACCEPT.name(),
					Permission.APPLICATION_DECIDE.name(), Permission.ASSESSMENT_PERFORM.name());

		// the report log: public verification, and the log itself as C2SP tlog-tiles
		rules.requestMatchers(HttpMethod.GET, "/api/v1/reports/verify", "/log/checkpoint", "/log/key", "/log/tile/**")
			.permitAll();
		// the report pages: public verification (a report's QR code links to /r/...) and the log page;
		// a body's filing page, which files through the API above
		rules.requestMatchers(HttpMethod.GET, "/r/{certificate}/**", "/reports/verify", "/log").permitAll()
			.requestMatchers(HttpMethod.GET, "/staff/reports", "/staff/reports/example.csv")
			.hasAuthority(Permission.REPORT_FILE.name());

		// the public registry API
		rules.requestMatchers(HttpMethod.GET, "/api/v1/bodies", "/api/v1/bodies/{id}",
				"/api/v1/bodies/by-credit-code/{creditCode}", "/api/v1/certificates/{number}",
				"/api/v1/certificates/{number}/signed", "/api/v1/certificates/{number}/certificate.pdf", "/api/v1/keys",
				"/api/v1/exports/registry.csv", "/api/v1/exports/registry.jsonl", "/api/v1/calendar/working-days",
				"/api/v1/calendar/years", "/api/v1/calendar/{date}")
			.permitAll()
			.requestMatchers(HttpMethod.PUT, "/api/v1/calendar/years/{year}")
			.hasAuthority(Permission.CALENDAR_EDIT.name());

		// staff pages
		rules.requestMatchers(HttpMethod.GET, "/staff").authenticated()
			.requestMatchers(HttpMethod.GET, "/staff/inbox").authenticated()
			.requestMatchers(HttpMethod.POST, "/staff/inbox/{id}/read").authenticated()
			.requestMatchers(HttpMethod.GET, "/staff/audit").hasAuthority(Permission.AUDIT_READ.name())
			.requestMatchers(HttpMethod.GET, "/staff/api-keys")
			.hasAnyAuthority(Permission.API_KEY_MANAGE.name(), Permission.API_KEY_MANAGE_OWN_BODY.name())
			.requestMatchers(HttpMethod.POST, "/staff/api-keys", "/staff/api-keys/{id}/revoke")
			.hasAnyAuthority(Permission.API_KEY_MANAGE.name(), Permission.API_KEY_MANAGE_OWN_BODY.name());

		// the licensing pages: the wizard for bodies; the lists and status pages for everyone with a part in
		// applications (bodies, officers, assessors), narrowed by the pages to what each may see
		rules.requestMatchers(HttpMethod.GET, "/staff/applications/new")
			.hasAuthority(Permission.APPLICATION_SUBMIT.name())
			.requestMatchers(HttpMethod.GET, "/staff/applications", "/staff/applications/{id}")
			.hasAnyAuthority(Permission.APPLICATION_SUBMIT.name(), Permission.APPLICATION_ACCEPT.name(),
					Permission.APPLICATION_DECIDE.name(), Permission.ASSESSMENT_PERFORM.name());

		rules.anyRequest().denyAll();
	}
}
