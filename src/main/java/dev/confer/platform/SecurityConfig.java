package dev.confer.platform;

import dev.confer.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

@Configuration
class SecurityConfig {

    /** Per-filter observations cost more than they tell on a hot API; requests are still observed as a whole. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The API: bearer tokens on every request, no session, no cookies. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenHolders holders, MessageSource messages, PlatformSettings settings) throws Exception {
        StaffAccess organizer = StaffAccess.organizerOr();
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/**")
                .csrf(c -> c.disable()) // bearer tokens only, no cookies: nothing for a cross-site request to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .addFilterBefore(new BearerTokenFilter(holders), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, messages, LocaleContextHolder.getLocale(), 401,
                                req.getAttribute(BearerTokenFilter.INVALID_TOKEN) != null ? "auth.invalid-token" : "auth.required"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, messages, LocaleContextHolder.getLocale(), 403, "auth.forbidden")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/{slug}", "/api/v1/events/{slug}/ticket-key", "/api/v1/schema/event-definition").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/events/{slug}").access(organizer)
                        .requestMatchers(HttpMethod.GET, "/api/v1/events").access(organizer)
                        .requestMatchers("/api/v1/events/{slug}/staff-tokens").access(organizer)
                        .requestMatchers(HttpMethod.POST, "/api/v1/events/{slug}/registrations").permitAll()
                        // a team is registered by anyone; reading it takes the lead's manage token or an organizer token: checked there
                        .requestMatchers(HttpMethod.POST, "/api/v1/events/{slug}/queue").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/{slug}/queue/{id}").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/events/{slug}/teams").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/{slug}/teams/{teamId}").permitAll()
                        // reading or cancelling one registration takes its manage token or an organizer token: checked there
                        .requestMatchers("/api/v1/events/{slug}/registrations/{id}").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/{slug}/registrations/{id}/badge.pdf").permitAll()
                        // the attendee's own consents, data export and erasure: the manage token, checked by the handler
                        .requestMatchers("/api/v1/events/{slug}/registrations/{id}/consents", "/api/v1/events/{slug}/registrations/{id}/verification", "/api/v1/events/{slug}/registrations/{id}/data",
                                "/api/v1/events/{slug}/registrations/{id}/erasure").permitAll()
                        // lab reservations: the manage token (or the organizer), checked by the Holder argument
                        .requestMatchers("/api/v1/events/{slug}/registrations/{id}/labs", "/api/v1/events/{slug}/registrations/{id}/labs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/{slug}/registrations/{id}/certificate.pdf").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/{slug}/labs").permitAll()
                        // the personal agenda and the team's votes take the registration's manage token (the calendar feed,
                        // its own key): checked there
                        .requestMatchers("/api/v1/events/{slug}/registrations/{id}/agenda", "/api/v1/events/{slug}/registrations/{id}/agenda/**",
                                "/api/v1/events/{slug}/registrations/{id}/agenda.ics", "/api/v1/events/{slug}/registrations/{id}/team",
                                "/api/v1/events/{slug}/registrations/{id}/team/**").permitAll()
                        .requestMatchers("/api/v1/events/{slug}/registrations").access(organizer)
                        .requestMatchers("/api/v1/events/{slug}/check-ins/**", "/api/v1/events/{slug}/meal-vouchers/**",
                                "/api/v1/events/{slug}/registrations/{id}/badge").access(StaffAccess.organizerOr(Role.DESK))
                        // floor devices: the roster they keep offline, and the batch of scans they queued (each action
                        // is then allowed or refused as its own endpoint would: check-ins DESK, taps DOOR or SPONSOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/{slug}/roster").access(StaffAccess.organizerOr(Role.DESK, Role.DOOR, Role.SPONSOR))
                        .requestMatchers(HttpMethod.POST, "/api/v1/events/{slug}/sync").access(StaffAccess.organizerOr(Role.DESK, Role.DOOR, Role.SPONSOR))
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/{slug}/rooms/{room}/now").access(StaffAccess.organizerOr(Role.DESK, Role.DOOR, Role.SPONSOR))
                        // receivers are lent and taken back at the desk; the figures and overdue list are the organizer's
                        .requestMatchers(HttpMethod.POST, "/api/v1/events/{slug}/receivers/loans", "/api/v1/events/{slug}/receivers/loans/{id}/return").access(StaffAccess.organizerOr(Role.DESK))
                        .requestMatchers("/api/v1/events/{slug}/taps/**").access(StaffAccess.organizerOr(Role.DOOR, Role.SPONSOR))
                        .requestMatchers("/api/v1/events/{slug}/booths/{code}/leads/**", "/api/v1/events/{slug}/booths/{code}/leads.csv").access(StaffAccess.organizerOr(Role.SPONSOR))
                        .requestMatchers("/api/v1/events/{slug}/booths/{code}/giveaways", "/api/v1/events/{slug}/booths/{code}/giveaways/**").access(StaffAccess.organizerOr(Role.SPONSOR))
                        .requestMatchers("/api/v1/events/{slug}/stats/**").access(organizer)
                        .requestMatchers("/v3/api-docs/**", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").access(new MetricsAccess(settings))
                        .anyRequest().access(organizer));
        return http.build();
    }

    /**
     * The pages: staff sign in once with their token and keep it in a cookie ({@link StaffCookie}); every
     * form carries a CSRF token (double-submit cookie, so no server session is needed either). A bearer token
     * still works here (the mail box at /dev/mail is read by scripts too).
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, TokenHolders holders, MessageSource messages) throws Exception {
        StaffAccess organizer = StaffAccess.organizerOr();
        http.securityMatcher("/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.csrfTokenRepository(new SignInBoundCsrfTokens(csrfCookie()))
                        // the staff cookie "authenticates" every request; rotating the CSRF token each time would
                        // break the next form on the page. Signing in starts a fresh token instead (StaffSignIn), and a
                        // token only counts for the sign-in it was made under (SignInBoundCsrfTokens).
                        .sessionAuthenticationStrategy((auth, req, res) -> { }))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(r -> r.disable())
                .addFilterBefore(new BearerTokenFilter(holders), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new StaffCookie(holders), AnonymousAuthenticationFilter.class)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .addLogoutHandler((req, res, auth) -> StaffCookie.clear(req, res)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        // no-store everywhere but on the public pages (so the back/forward cache keeps them) and the
                        // static files (cached for a year, platform/StaticLinks); My ticket sets its own (web/site/PrivatePages)
                        .cacheControl(c -> c.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(PUBLIC_PAGES, STATIC_FILES)), new CacheControlHeadersWriter()))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PUBLIC_PAGES,
                                new StaticHeadersWriter("Cache-Control", "no-cache"))))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                    if (wantsPage(req)) {
                        res.sendRedirect(req.getContextPath() + "/login?next=" + URLEncoder.encode(pathWithQuery(req), StandardCharsets.UTF_8));
                    } else {
                        problem(res, messages, LocaleContextHolder.getLocale(), 401,
                                req.getAttribute(BearerTokenFilter.INVALID_TOKEN) != null ? "auth.invalid-token" : "auth.required");
                    }
                }))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/desk/{slug}/**").access(StaffAccess.organizerOr(Role.DESK))
                        .requestMatchers("/door/{slug}/**").access(StaffAccess.organizerOr(Role.DOOR))
                        .requestMatchers("/sponsor/{slug}/**").access(StaffAccess.organizerOr(Role.SPONSOR))
                        .requestMatchers("/organizer", "/organizer/**", "/dev/mail", "/dev/mail/**").access(organizer)
                        .anyRequest().permitAll());
        return http.build();
    }

    static final String CSRF_COOKIE = "confer-csrf";

    /** Pages that show nothing about whoever reads them: the event, its agenda and sessions, the forms to register. */
    static final RequestMatcher PUBLIC_PAGES = new OrRequestMatcher(java.util.stream.Stream.of(
                    "/", "/e/{slug}", "/e/{slug}/agenda", "/e/{slug}/sessions/{code}", "/e/{slug}/register", "/e/{slug}/teams/new")
            .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path)).toList());
    static final RequestMatcher STATIC_FILES = new OrRequestMatcher(StaticLinks.STATIC_PREFIXES.stream()
            .map(prefix -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(prefix.endsWith("/") ? prefix + "**" : prefix))
            .toList());

    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieName(CSRF_COOKIE);
        repository.setHeaderName("X-CSRF-TOKEN");
        repository.setCookieCustomizer(c -> c.sameSite("Lax"));
        return repository;
    }

    /** Scripts and styles only from Confer itself; the camera and NFC need nothing from elsewhere either. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
            + "frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Authorization") == null && accept != null && accept.contains("text/html");
    }

    private static String pathWithQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    private static void problem(HttpServletResponse response, MessageSource messages, Locale locale, int status, String key)
            throws IOException {
        String detail = messages.getMessage(key, null, key, locale);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
