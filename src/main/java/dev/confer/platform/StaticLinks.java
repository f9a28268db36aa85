package dev.confer.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they stand. Spring Boot turns the resource chain on by itself because
 * the WebJars locator is on the class path, and then rewrites every {@code @{...}} link a template
 * builds: since the static files are served at {@code /**}, a link such as {@code /e/demo/sessions/S01}
 * is looked up as a file in four class path folders, and a miss is not cached. On the agenda (a few
 * dozen links) that was most of the page's cost, with request threads queued on the class loader's lock
 * (docs/performance.md, "Pages"). The only links it changed were the WebJars ones, to versioned paths;
 * a version-less path such as {@code /webjars/htmx.org/dist/htmx.min.js} is resolved when it is requested.
 */
@Configuration
class StaticLinks {

    /** Takes the place of Boot's filter (which only registers itself when there is none), switched off. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
