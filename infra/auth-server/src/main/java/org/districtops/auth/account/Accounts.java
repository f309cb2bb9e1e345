package org.districtops.auth.account;

import org.districtops.auth.config.AuthProperties.Account;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured accounts, for Spring Security's form login (which checks passwords, in constant time for unknown
 * users too) and for the claims put into tokens.
 */
public class Accounts implements UserDetailsService {

    private final Map<String, Account> byUsername;

    public Accounts(List<Account> accounts) {
        this.byUsername = accounts.stream().collect(Collectors.toUnmodifiableMap(Account::username, Function.identity()));
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = byUsername.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("No such account");
        }
        return User.withUsername(account.username())
                .password(encoded(account.password()))
                .authorities(account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList())
                .build();
    }

    /** Plain passwords from the configuration are compared as they are; {@code {bcrypt}…} values are hashes. */
    public static String encoded(String configured) {
        return configured.startsWith("{") ? configured : "{noop}" + configured;
    }
}
