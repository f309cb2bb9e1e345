package org.districtops.vision.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.districtops.vision.api.GoalSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * vision-service's goal list (its v1 alignment contract) behind Resilience4j: a short timeout, a circuit
 * breaker and a retry (the read is idempotent). When vision-service cannot answer, the last list it gave for
 * the district is the fallback for display, and alignment stays unverified until a live check succeeds.
 */
public class VisionGoalsClient {

    private static final Logger log = LoggerFactory.getLogger(VisionGoalsClient.class);

    /**
     * The outcome of checking goal ids: {@code answered} is false when vision-service could not be asked;
     * otherwise {@code unknownGoalIds} lists the ids that are not goals of the district's plans.
     */
    public record GoalCheck(boolean answered, List<String> unknownGoalIds) {

        /** Maps the outcome onto a service's own alignment states. */
        public <S> S status(S verified, S invalid, S unverified) {
            return !answered ? unverified : unknownGoalIds.isEmpty() ? verified : invalid;
        }
    }

    private final RestClient client;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Map<String, List<GoalSummary>> lastKnown = new ConcurrentHashMap<>();

    public VisionGoalsClient(String visionUri, Duration timeout, CircuitBreaker circuitBreaker, Retry retry) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.client = RestClient.builder().baseUrl(visionUri).requestFactory(requests).build();
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
    }

    /** The district's goals, live; empty when vision-service is unavailable (then see {@link #lastKnown}). */
    public Optional<List<GoalSummary>> fetch(String districtId) {
        Supplier<List<GoalSummary>> call = () -> client.get()
                .uri("/api/vision/public/v1/districts/{districtId}/goals", districtId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<GoalSummary>>() { });
        try {
            List<GoalSummary> goals = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
            lastKnown.put(districtId, goals);
            return Optional.of(goals);
        } catch (RuntimeException e) {
            log.warn("vision-service unavailable for the goals of {}: {}", districtId, e.toString());
            return Optional.empty();
        }
    }

    /** The cached fallback: the last goal list vision-service gave for the district, if any. */
    public Optional<List<GoalSummary>> lastKnown(String districtId) {
        return Optional.ofNullable(lastKnown.get(districtId));
    }

    /** Checks goal ids live; no ids to check counts as verified. */
    public GoalCheck check(String districtId, List<String> goalIds) {
        if (goalIds == null || goalIds.isEmpty()) {
            return new GoalCheck(true, List.of());
        }
        Optional<List<GoalSummary>> goals = fetch(districtId);
        if (goals.isEmpty()) {
            return new GoalCheck(false, List.of());
        }
        Set<String> known = new HashSet<>();
        goals.get().forEach(g -> known.add(g.goalId()));
        return new GoalCheck(true, goalIds.stream().filter(id -> !known.contains(id)).toList());
    }
}
