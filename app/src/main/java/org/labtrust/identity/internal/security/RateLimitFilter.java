package org.labtrust.identity.internal.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests of the browser chain, which carry no API key (keys are limited when checked):
 * per account for signed-in people, per client address for everyone else, and sign-in attempts
 * per address on top. Over the limit: 429 with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limits;

	private final ProblemResponses problems;

	RateLimitFilter(RateLimiter limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	/**
	 * Static files are cheap, cacheable and fetched with every page; log tiles are immutable and meant
	 * to be mirrored whole by monitors (behind a CDN in production). Neither spends the budget.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return "GET".equals(request.getMethod()) && (path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.startsWith("/log/tile/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Actor actor = Actors.current();
		String address = request.getRemoteAddr();
		RateLimiter.Decision decision = actor.kind() == Actor.Kind.PERSON ? limits.account(actor.id(), address)
				: limits.anonymous(address);
		if (decision.allowed() && "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
			decision = limits.login(address);
		}
		if (!decision.allowed()) {
			tooMany(request, response, decision, problems);
			return;
		}
		chain.doFilter(request, response);
	}

	static void tooMany(HttpServletRequest request, HttpServletResponse response, RateLimiter.Decision decision,
			ProblemResponses problems) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
		problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
				new Object[] { decision.retryAfterSeconds() }, "Too many requests; retry after "
						+ decision.retryAfterSeconds() + " s");
	}
}
