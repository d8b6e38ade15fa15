package org.exchangehub.hub.sso;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.exchangehub.catalog.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * One-time tickets for legacy systems. A ticket is 256 random bits (base64url); the cluster-wide Hazelcast map keeps
 * only its SHA-256, bound to the system it was issued for, with the user's identity. Redeeming removes the entry in one
 * atomic step ({@code IMap.remove}), so on any number of nodes a ticket is honoured once; the hash of a redeemed ticket
 * is remembered a while longer, so a replay is told apart from a ticket that never existed. A ticket presented by
 * another system is refused and burnt (it has leaked).
 */
@Component
public class Tickets {

    static final String MAP = "sso.tickets";
    static final String REDEEMED_MAP = "sso.tickets.redeemed";
    /** How long after expiry an entry stays, so "expired" can be told from "unknown". */
    static final Duration GRACE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a ticket stands for while it is valid. */
    record Grant(String systemId, SsoIdentity identity, Instant expiresAt) implements Serializable {
    }

    private final IMap<String, Grant> tickets;
    private final IMap<String, String> redeemed;
    private final Duration ttl;
    private final SsoClock clock;
    private final MeterRegistry meters;

    public Tickets(HazelcastInstance hazelcast, SsoProperties sso, SsoClock clock, MeterRegistry meters) {
        this.tickets = hazelcast.getMap(MAP);
        this.redeemed = hazelcast.getMap(REDEEMED_MAP);
        this.ttl = sso.ticketTtl();
        this.clock = clock;
        this.meters = meters;
    }

    /** Issues a ticket for {@code system} standing for {@code identity}; valid for {@code hub.sso.ticket-ttl}. */
    public String issue(ConnectedSystem system, SsoIdentity identity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = "ST-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(ttl);
        tickets.set(key(ticket), new Grant(system.id(), identity, expiresAt), ttl.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        count("issued");
        return ticket;
    }

    /**
     * Redeems a ticket presented by {@code system} (already authenticated).
     *
     * @throws SsoException SSO_TICKET_USED, SSO_TICKET_EXPIRED, SSO_TICKET_OTHER_SYSTEM or SSO_TICKET_UNKNOWN
     */
    public SsoIdentity redeem(String ticket, ConnectedSystem system) {
        if (ticket == null || !ticket.startsWith("ST-") || ticket.length() > 100) {
            count("unknown");
            throw new SsoException(ErrorCode.SSO_TICKET_UNKNOWN, "No such ticket: send the ticket the hub gave the"
                    + " user's browser (ticket=ST-…)");
        }
        String key = key(ticket);
        Grant grant = tickets.remove(key);
        if (grant == null) {
            String by = redeemed.get(key);
            if (by != null) {
                count("replayed");
                throw new SsoException(ErrorCode.SSO_TICKET_USED, "This ticket was already redeemed;"
                        + " a ticket is good for one redemption only: send the user through /sso/launch again");
            }
            count("unknown");
            throw new SsoException(ErrorCode.SSO_TICKET_UNKNOWN, "No such ticket (never issued, or expired long ago)");
        }
        redeemed.set(key, system.id(), ttl.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        if (!grant.systemId().equals(system.id())) {
            count("other-system");
            throw new SsoException(ErrorCode.SSO_TICKET_OTHER_SYSTEM, "This ticket was issued for another system, not for '"
                    + system.id() + "'; it is now void");
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            count("expired");
            throw new SsoException(ErrorCode.SSO_TICKET_EXPIRED, "This ticket expired at " + grant.expiresAt()
                    + " (tickets are valid for " + ttl.toSeconds() + " s): send the user through /sso/launch again");
        }
        count("redeemed");
        return grant.identity();
    }

    private void count(String outcome) {
        Counter.builder("hub.sso.tickets").tag("outcome", outcome).description("one-time tickets by outcome")
                .register(meters).increment();
    }

    private static String key(String ticket) {
        return HexFormat.of().formatHex(ConnectedSystem.sha256(ticket));
    }
}
