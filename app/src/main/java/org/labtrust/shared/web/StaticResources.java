package org.labtrust.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static resources, under the only three paths they have: {@code /css/**}, {@code /js/**}
 * and {@code /webjars/**} (versionless WebJar paths resolved to the bundled version). Boot's
 * default maps {@code /**}, and then every link a page writes with {@code @{...}} went through a
 * class-path look-up in the resource chain before it was written, a miss for each page path: about
 * 30% of a page's time. Mapped narrowly, a page link matches no resource path and is left as it
 * is. {@code spring.web.resources.add-mappings} is off so that Boot adds no {@code /**} mapping.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}
}
