package org.districtops.auth.token;

import org.districtops.auth.account.Accounts;
import org.districtops.auth.config.AuthProperties.Account;
import org.districtops.auth.config.AuthProperties.Client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims every service authorises on (read by service-kit's {@code ActorResolver}): {@code district},
 * {@code roles}, {@code name} and, for partner accounts, {@code partner} (the organisation the account is bound to);
 * for educator accounts {@code educator_id} (their record in pd-service, which is how "my portfolio" finds them).
 * {@code sub} is the username, or the client id of a machine client.
 */
public class PlatformClaims {

    public static final String DISTRICT = "district";
    public static final String ROLES = "roles";
    public static final String NAME = "name";
    public static final String PARTNER = "partner";
    public static final String EDUCATOR_ID = "educator_id";

    private final Accounts accounts;
    private final Map<String, Client> clients;

    public PlatformClaims(Accounts accounts, List<Client> clients) {
        this.accounts = accounts;
        this.clients = clients.stream().collect(LinkedHashMap::new, (m, c) -> m.put(c.clientId(), c), Map::putAll);
    }

    /** Claims for a signed-in account. */
    public Optional<Map<String, Object>> forAccount(String username) {
        return accounts.find(username).map(PlatformClaims::of);
    }

    /** Claims for a machine client acting for itself (client_credentials); empty when it names no district. */
    public Optional<Map<String, Object>> forClient(String clientId) {
        Client client = clients.get(clientId);
        if (client == null || client.district() == null || client.district().isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(DISTRICT, client.district());
        claims.put(ROLES, client.roles());
        claims.put(NAME, clientId);
        return Optional.of(claims);
    }

    static Map<String, Object> of(Account account) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(DISTRICT, account.district());
        claims.put(ROLES, account.roles());
        claims.put(NAME, account.name());
        if (account.partner() != null && !account.partner().isBlank()) {
            claims.put(PARTNER, account.partner());
        }
        if (account.educatorId() != null && !account.educatorId().isBlank()) {
            claims.put(EDUCATOR_ID, account.educatorId());
        }
        return claims;
    }
}
