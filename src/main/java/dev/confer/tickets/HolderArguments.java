package dev.confer.tickets;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * Resolves {@link Credentials} and {@link Holder} handler parameters, so the "manage token or staff" rule is
 * looked up in one place instead of in every handler (as petclinic's {@code @ModelAttribute} finds the owner once).
 */
@Configuration
class HolderArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static final String TOKEN_HEADER = "X-Manage-Token";

    private final EventCatalog events;
    private final ManageTokens tokens;

    HolderArguments(EventCatalog events, ManageTokens tokens) {
        this.events = events;
        this.tokens = tokens;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Credentials.class || type == Holder.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav, NativeWebRequest request,
                                  @Nullable WebDataBinderFactory binders) {
        Credentials credentials = credentials(request);
        if (parameter.getParameterType() == Credentials.class) {
            return credentials;
        }
        Map<?, ?> path = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (path == null || !(path.get("slug") instanceof String slug) || !(path.get("id") instanceof String id)) {
            throw new IllegalStateException("A Holder parameter needs {slug} and {id} in the path of " + parameter.getMethod());
        }
        EventSchedule event = events.require(slug);
        RegistrationId registrationId;
        try {
            registrationId = RegistrationId.of(id);
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("request.bad-parameter", "id", id);
        }
        tokens.requireHolderOrStaff(event, registrationId, credentials, "registration.token-required");
        return new Holder(event, registrationId, credentials.caller());
    }

    private static Credentials credentials(NativeWebRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication != null && authentication.getPrincipal() instanceof Caller c ? c : null;
        String token = request.getParameter("token");
        if (token == null) {
            token = request.getHeader(TOKEN_HEADER);
        }
        return new Credentials(caller, token);
    }
}
