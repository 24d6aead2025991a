package org.labtrust.identity.internal.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.ActorAuthentication;
import org.labtrust.shared.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer ltk_...} (the filter chain for such requests): checks the key on every request (so that a revoked key
 * fails on the very next one), applies the key's rate limit, and makes the key's actor the
 * request's principal for this request only (no session). A bad key answers 401 at once rather
 * than falling back to anonymous access, so that a client learns its key is wrong.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final ApiKeyService keys;

	private final RateLimiter limits;

	private final ProblemResponses problems;

	ApiKeyAuthenticationFilter(ApiKeyService keys, RateLimiter limits, ProblemResponses problems) {
		this.keys = keys;
		this.limits = limits;
		this.problems = problems;
	}

	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		ApiKey key;
		try {
			key = keys.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION).substring(PREFIX.length()), address);
		}
		catch (ApiKeyService.Refused refused) {
			// failed keys spend the address's budget, so that guessing keys is as slow as anything else
			RateLimiter.Decision decision = limits.anonymous(address);
			if (!decision.allowed()) {
				RateLimitFilter.tooMany(request, response, decision, problems);
				return;
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, refused.code(), new Object[0],
					"The API key is not valid");
			return;
		}
		Actor actor = ApiKeyService.actorOf(key);
		RateLimiter.Decision decision = limits.apiKey(key.id(), key.rateLimitPerMinute(), address);
		if (!decision.allowed()) {
			RateLimitFilter.tooMany(request, response, decision, problems);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ActorAuthentication(actor));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
