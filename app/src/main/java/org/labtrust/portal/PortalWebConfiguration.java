package org.labtrust.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Caching of the public pages: a minute in any cache, per language cookie and per htmx request
 * (which may get a fragment instead of the page). A request that switches the language sets a
 * cookie, so its answer stays in the browser only. A signed-in person's page carries their name
 * and a CSRF token in the header, so it is not cached at all (Spring Security's no-store stays).
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

	static final String PUBLIC_PAGE = "public, max-age=60";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PageCaching()).addPathPatterns("/", "/search", "/bodies/**", "/certificates/**");
	}

	private static final class PageCaching implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (handler instanceof HandlerMethod method
					&& method.getBeanType().getPackageName().equals(PortalWebConfiguration.class.getPackageName())) {
				if (!SignedIn.anyone()) {
					response.setHeader(HttpHeaders.CACHE_CONTROL,
							request.getParameter("lang") == null ? PUBLIC_PAGE : "private, max-age=60");
				}
				response.setHeader(HttpHeaders.VARY, "Cookie, HX-Request, HX-Target");
			}
			return true;
		}
	}
}
