package org.districtops.gateway.auth;

import org.districtops.gateway.auth.AuthProperties.DemoUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks a username and password against the configured demo accounts. */
public class DemoUserAuthenticator {

    /** Compared against when the username is unknown, so both cases cost the same. */
    private static final byte[] NO_PASSWORD = sha256("\0no-such-user\0");

    private final Map<String, DemoUser> users;

    public DemoUserAuthenticator(List<DemoUser> users) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(DemoUser::username, Function.identity()));
    }

    public Optional<DemoUser> authenticate(String username, String password) {
        DemoUser user = users.get(username);
        // Digests have a fixed length, so MessageDigest.isEqual's constant time also hides the password length.
        byte[] expected = user == null ? NO_PASSWORD : sha256(user.password());
        boolean matches = MessageDigest.isEqual(expected, sha256(password));
        return matches && user != null ? Optional.of(user) : Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
