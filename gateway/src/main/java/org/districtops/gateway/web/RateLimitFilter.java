package org.districtops.gateway.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Rate limits per client (its address) and per route group ({@code /api/<service>}, {@code /auth}, pages):
 * a token bucket each, kept in a bounded cache. Over the limit: 429 problem+json with Retry-After, so one
 * noisy client slows only itself, on that route only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RateLimitFilter implements WebFilter {

    private final RateLimitProperties limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    private final MeterRegistry meters;

    /** Route groups that get their own rejection counter; any other path counts as "other" (bounded tags). */
    static final java.util.List<String> METERED_GROUPS = java.util.List.of(
            "/api/vision", "/api/pilots", "/api/pd", "/api/partnerships", "/auth", "pages");

    public RateLimitFilter(RateLimitProperties limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
        METERED_GROUPS.forEach(this::rejections); // present from the start, so rate() and alerts see a zero
        rejections("other");
    }

    private io.micrometer.core.instrument.Counter rejections(String group) {
        return io.micrometer.core.instrument.Counter.builder("dop.gateway.rate.limit.rejections")
                .description("Requests refused with 429 because a client exceeded its rate limit")
                .tag("group", METERED_GROUPS.contains(group) ? group : "other")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limits.enabled()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        String group = routeGroup(request.getPath().pathWithinApplication().value());
        String key = client(request) + "|" + group;
        Bucket bucket = buckets.get(key, k -> newBucket(group.equals("/auth")));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        // tagged by route group only (a handful of values), never by client address
        rejections(group).increment();
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return tooManyRequests(exchange.getResponse(), request.getPath().value(), retryAfter);
    }

    private Bucket newBucket(boolean auth) {
        int perSecond = auth ? limits.authPerSecond() : limits.perSecond();
        int burst = auth ? limits.authBurst() : limits.burst();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }

    /** {@code /api/vision/...} → {@code /api/vision}; {@code /auth/...} (but {@code /auth/me}) → {@code /auth}; anything else → pages. */
    static String routeGroup(String path) {
        String[] parts = path.split("/", 4);
        if (parts.length >= 3 && parts[1].equals("api")) {
            return "/api/" + parts[2];
        }
        // who-am-I is asked on every staff page: not part of the strict bucket against password guessing
        if (parts.length >= 2 && parts[1].equals("auth") && !path.equals("/auth/me")) {
            return "/auth";
        }
        return "pages";
    }

    private static String client(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static Mono<Void> tooManyRequests(ServerHttpResponse response, String path, long retryAfterSeconds) {
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Too many requests from your address to this part of the platform; retry in "
                + retryAfterSeconds + " s.\",\"instance\":\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
