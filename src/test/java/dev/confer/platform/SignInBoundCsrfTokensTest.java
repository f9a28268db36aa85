package dev.confer.platform;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSRF token counts only for the sign-in it was made under: a planted or older token is as good as none. */
class SignInBoundCsrfTokensTest {

    private final SignInBoundCsrfTokens tokens = new SignInBoundCsrfTokens(new CookieCsrfTokenRepository());

    private static MockHttpServletRequest browser(String staffToken, String csrfCookie) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/desk/x/scan");
        java.util.List<Cookie> cookies = new java.util.ArrayList<>();
        if (staffToken != null) {
            cookies.add(new Cookie(StaffCookie.NAME, Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(staffToken.getBytes(StandardCharsets.UTF_8))));
        }
        if (csrfCookie != null) {
            cookies.add(new Cookie("XSRF-TOKEN", csrfCookie));
        }
        request.setCookies(cookies.toArray(Cookie[]::new));
        return request;
    }

    @Test
    void aTokenMadeForOneSignInIsRefusedUnderAnotherAndWhenPlanted() {
        CsrfToken anonymous = tokens.generateToken(browser(null, null));
        assertThat(tokens.loadToken(browser(null, anonymous.getToken()))).as("anonymous pages work as before")
                .isNotNull();
        assertThat(tokens.loadToken(browser("desk-token-1", anonymous.getToken())))
                .as("a token from before the sign-in (or planted by someone else) does not count once signed in").isNull();

        CsrfToken signedIn = tokens.generateToken(browser("desk-token-1", null));
        assertThat(tokens.loadToken(browser("desk-token-1", signedIn.getToken())).getToken()).isEqualTo(signedIn.getToken());
        assertThat(tokens.loadToken(browser("desk-token-2", signedIn.getToken()))).as("another sign-in").isNull();
        assertThat(tokens.loadToken(browser(null, signedIn.getToken()))).as("after signing out").isNull();

        for (String garbage : new String[]{"abc", ".", "abc.", ".abc", signedIn.getToken() + "x"}) {
            assertThat(tokens.loadToken(browser("desk-token-1", garbage))).as(garbage).isNull();
        }
    }

    @Test
    void theTokenIsSavedAsTheCookieRepositoryWouldSaveIt() {
        MockHttpServletRequest request = browser("desk-token-1", null);
        MockHttpServletResponse response = new MockHttpServletResponse();
        CsrfToken token = tokens.generateToken(request);
        tokens.saveToken(token, request, response);
        assertThat(response.getCookie("XSRF-TOKEN").getValue()).isEqualTo(token.getToken());
    }
}
