package dev.confer.platform;

import dev.confer.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's header needs: who is signed in, where their work starts, and this same page in the
 * other language. Kept as a request attribute before the handler runs, so a page rendered by an error
 * handler or the error page has it too; never computed for the API.
 */
@Configuration
class PageChrome implements WebMvcConfigurer {

    /** The header of a page. */
    public record Chrome(@Nullable Caller caller, String home, String koreanUrl, String englishUrl) {
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Caller caller = signedIn();
                request.setAttribute("chrome", new Chrome(caller, caller == null ? "/" : StaffSignIn.home(caller),
                        inLanguage(request, "ko"), inLanguage(request, "en")));
                return true;
            }
        }).excludePathPatterns("/api/**");
    }

    private static @Nullable Caller signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller ? caller : null;
    }

    private static String inLanguage(HttpServletRequest request, String lang) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = original instanceof String uri ? uri : request.getRequestURI();
        if ("POST".equals(request.getMethod()) || original != null) {
            return UriComponentsBuilder.fromPath(path).queryParam("lang", lang).build().encode().toUriString();
        }
        return UriComponentsBuilder.fromPath(path).query(request.getQueryString())
                .replaceQueryParam("lang", lang).build().toUriString();
    }
}
