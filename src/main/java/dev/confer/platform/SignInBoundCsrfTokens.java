package dev.confer.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The double-submit CSRF cookie, bound to the sign-in. A token is {@code nonce.digest} where the digest is
 * SHA-256 over the staff cookie the browser holds and the nonce; a token whose digest does not match the
 * current staff cookie is treated as absent. So a token planted in the browser (a sibling subdomain can set
 * cookies) or left from before a sign-in or a sign-out is worthless: the attacker cannot read the HttpOnly
 * staff cookie the digest needs, and a changed sign-in means a new token. Anonymous pages bind to nothing
 * (an empty staff cookie), as before. No server secret is needed, so any instance checks any instance's token.
 */
final class SignInBoundCsrfTokens implements CsrfTokenRepository {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final CookieCsrfTokenRepository cookies;

    SignInBoundCsrfTokens(CookieCsrfTokenRepository cookies) {
        this.cookies = cookies;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String n = B64.encodeToString(nonce);
        return new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", n + "." + digest(request, n));
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        cookies.saveToken(token, request, response);
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken token = cookies.loadToken(request);
        return token != null && boundHere(token.getToken(), request) ? token : null;
    }

    static boolean boundHere(String value, HttpServletRequest request) {
        int dot = value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1) {
            return false;
        }
        byte[] expected = digest(request, value.substring(0, dot)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(HttpServletRequest request, String nonce) {
        String staff = StaffCookie.read(request);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((staff == null ? "" : staff).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(nonce.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
