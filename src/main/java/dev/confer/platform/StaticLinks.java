package dev.confer.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Links to Confer's own static files carry their content's hash ({@code /css/confer-3f2a….css}, with
 * {@code spring.web.resources.chain.strategy.content}) and WebJars carry their version, so a browser may keep them
 * a year without asking again ({@code immutable}); a deployment changes the links, never a cached file.
 * <p>
 * Spring's own {@link ResourceUrlEncodingFilter} is switched off: since the static files are served at
 * {@code /**}, it looked every link a template builds up as a file in four class path folders, and a miss is
 * not cached. On the agenda (a few dozen links) that was most of the page's cost (docs/performance.md, "Pages").
 * This filter only asks for links under the static folders, and remembers each answer.
 */
@Configuration
class StaticLinks {

    /** Where static files live; nothing else is ever looked up. */
    static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/webjars/", "/favicon.svg");
    /** A content hash ({@code name-<32 hex>.ext}) or a WebJar's version ({@code /webjars/name/1.2.3/...}). */
    private static final Pattern VERSIONED = Pattern.compile("-[0-9a-f]{32}\\.[a-z0-9]+$|^/webjars/[^/]+/\\d[^/]*/");
    static final String YEAR_IMMUTABLE = "max-age=31536000, public, immutable";

    /** Takes the place of Boot's filter (which only registers itself when there is none), switched off. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<VersionedLinks> versionedStaticLinks(ObjectProvider<ResourceUrlProvider> urls) {
        FilterRegistrationBean<VersionedLinks> registration = new FilterRegistrationBean<>(new VersionedLinks(urls));
        registration.addUrlPatterns("/*");
        return registration;
    }

    static boolean isStatic(String path) {
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** Writes versioned links into pages, and answers versioned files with a year's immutable cache. */
    static final class VersionedLinks extends OncePerRequestFilter {

        private final ObjectProvider<ResourceUrlProvider> urls;
        private final Map<String, String> versioned = new ConcurrentHashMap<>();

        VersionedLinks(ObjectProvider<ResourceUrlProvider> urls) {
            this.urls = urls;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (isStatic(path)) {
                boolean immutable = VERSIONED.matcher(path).find();
                if (path.endsWith("-sw.js") && !response.containsHeader("Service-Worker-Allowed")) {
                    // a service worker (e.g. My ticket's, js/ticket-sw.js) is registered for pages outside /js/
                    response.setHeader("Service-Worker-Allowed", "/");
                }
                chain.doFilter(request, new StaticAnswer(response, immutable));
                return;
            }
            chain.doFilter(request, new LinkWriter(response, request.getContextPath()));
        }

        private final class LinkWriter extends HttpServletResponseWrapper {

            private final String contextPath;

            LinkWriter(HttpServletResponse response, String contextPath) {
                super(response);
                this.contextPath = contextPath;
            }

            @Override
            public String encodeURL(String url) {
                if (!url.startsWith(contextPath)) {
                    return super.encodeURL(url);
                }
                String path = url.substring(contextPath.length());
                int query = path.indexOf('?');
                String file = query < 0 ? path : path.substring(0, query);
                if (!isStatic(file)) {
                    return super.encodeURL(url);
                }
                String found = versioned.computeIfAbsent(file, f -> {
                    ResourceUrlProvider provider = urls.getIfAvailable();
                    String lookedUp = provider == null ? null : provider.getForLookupPath(f);
                    return lookedUp == null ? f : lookedUp;
                });
                return super.encodeURL(contextPath + found + (query < 0 ? "" : path.substring(query)));
            }
        }
    }

    /** A static file's answer: a versioned one is cached for a year; an unversioned one is checked again each time. */
    private static final class StaticAnswer extends HttpServletResponseWrapper {

        private final boolean immutable;

        StaticAnswer(HttpServletResponse response, boolean immutable) {
            super(response);
            this.immutable = immutable;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Cache-Control".equalsIgnoreCase(name) ? cacheControl() : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Cache-Control".equalsIgnoreCase(name) ? cacheControl() : value);
        }

        private String cacheControl() {
            return immutable ? YEAR_IMMUTABLE : "no-cache";
        }
    }
}
