package org.districtops.pd.alignment;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.districtops.pd.api.AlignmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * vision-service's goal list (its v1 alignment contract) behind Resilience4j, as pilot-service reads it: a
 * short timeout, a circuit breaker and a retry. While vision-service cannot answer, a badge's alignment is
 * UNVERIFIED (the badge is still defined).
 */
@Component
public class VisionGoals {

    private static final Logger log = LoggerFactory.getLogger(VisionGoals.class);

    /** A goal as vision-service publishes it (fields of its GoalSummary v1 this service reads). */
    public record Goal(String goalId, String planId, String title, List<String> conditions) {
    }

    /** The outcome of checking goal ids. */
    public record Check(AlignmentStatus status, List<String> unknownGoalIds) {
    }

    private final RestClient client;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final java.util.Map<String, List<Goal>> lastKnown = new java.util.concurrent.ConcurrentHashMap<>();

    public VisionGoals(@Value("${dop.vision.uri}") String visionUri,
                       @Value("${dop.vision.timeout:2s}") Duration timeout,
                       CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.client = RestClient.builder().baseUrl(visionUri).requestFactory(requests).build();
        this.circuitBreaker = circuitBreakers.circuitBreaker("vision");
        this.retry = retries.retry("vision");
    }

    /** The district's goals, live; empty when vision-service is unavailable. */
    public Optional<List<Goal>> fetch(String districtId) {
        Supplier<List<Goal>> call = () -> client.get()
                .uri("/api/vision/public/v1/districts/{districtId}/goals", districtId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Goal>>() { });
        try {
            List<Goal> goals = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
            lastKnown.put(districtId, goals);
            return Optional.of(goals);
        } catch (RuntimeException e) {
            log.warn("vision-service unavailable for the goals of {}: {}", districtId, e.toString());
            return Optional.empty();
        }
    }

    /** The last goal list vision-service gave for the district (the fallback for display), if any. */
    public Optional<List<Goal>> lastKnown(String districtId) {
        return Optional.ofNullable(lastKnown.get(districtId));
    }

    /** VERIFIED, INVALID (naming unknown ids), or UNVERIFIED when vision cannot answer. */
    public Check check(String districtId, List<String> goalIds) {
        if (goalIds == null || goalIds.isEmpty()) {
            return new Check(AlignmentStatus.VERIFIED, List.of());
        }
        Optional<List<Goal>> goals = fetch(districtId);
        if (goals.isEmpty()) {
            return new Check(AlignmentStatus.UNVERIFIED, List.of());
        }
        Set<String> known = new HashSet<>();
        goals.get().forEach(g -> known.add(g.goalId()));
        List<String> unknown = goalIds.stream().filter(id -> !known.contains(id)).toList();
        return new Check(unknown.isEmpty() ? AlignmentStatus.VERIFIED : AlignmentStatus.INVALID, unknown);
    }
}
