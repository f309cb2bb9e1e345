package org.districtops.reliability;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz corpus against every route of every service (the same enumeration as the authorization matrix):
 * zero 5xx, zero hangs (each request has a 10 s limit), every 4xx an RFC 9457 problem+json.
 * CI sends {@code dop.fuzz.requests} (1,000); the full run sends 12,000: {@code -Preliability-full}
 * (see docs/reliability.md). Replay a failure with the printed seed.
 */
class FuzzIT {

    private static final Logger log = LoggerFactory.getLogger(FuzzIT.class);

    @Test
    void hostileInputNeverBreaksAService() throws Exception {
        int total = Integer.getInteger("dop.fuzz.requests", 1000);
        long seed = Long.getLong("dop.fuzz.seed", 20261124L);
        FuzzCorpus corpus = new FuzzCorpus(seed);
        List<Object[]> targets = new ArrayList<>();
        for (InProcessServices.Service service : InProcessServices.all().values()) {
            SampleBodies bodies = new SampleBodies(Http.openApi(service.base()));
            for (RouteCatalog.Route route : RouteCatalog.routes(service)) {
                targets.add(new Object[] {service, route, bodies});
            }
        }
        String everyRole = Principals.everyRole();
        List<String> principals = new ArrayList<>(Principals.tokens().values());
        java.util.Random who = new java.util.Random(seed);
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            Object[] target = targets.get(i % targets.size());
            InProcessServices.Service service = (InProcessServices.Service) target[0];
            RouteCatalog.Route route = (RouteCatalog.Route) target[1];
            FuzzCorpus.FuzzRequest request = corpus.next(service.base(), route, (SampleBodies) target[2]);
            String token = who.nextInt(5) == 0 ? principals.get(who.nextInt(principals.size())) : everyRole;
            byKind.merge(request.kind(), 1, Integer::sum);
            HttpResponse<String> r;
            try {
                r = Http.send(request.method(), request.url(), token, request.contentType(), request.body(), Map.of());
            } catch (HttpTimeoutException hang) {
                failures.add("#" + i + " HANG " + describe(route, request));
                continue;
            } catch (IllegalArgumentException unsendable) {
                byStatus.merge("unsendable", 1, Integer::sum); // the client itself refuses the URL: nothing reached the service
                continue;
            }
            byStatus.merge(Integer.toString(r.statusCode()), 1, Integer::sum);
            if (r.statusCode() >= 500) {
                failures.add("#" + i + " " + r.statusCode() + " " + describe(route, request) + " -> " + abbreviate(r.body()));
            } else if (r.statusCode() >= 400 && !Http.isProblem(r)) {
                failures.add("#" + i + " " + r.statusCode() + " not problem+json ("
                        + r.headers().firstValue("Content-Type").orElse("none") + ") " + describe(route, request));
            }
        }
        log.info("Fuzz: {} requests (seed {}) over {} routes in {} s; statuses {}; mutations {}; {} failures",
                total, seed, targets.size(), String.format("%.1f", (System.nanoTime() - t0) / 1e9), byStatus, byKind,
                failures.size());
        assertThat(failures).as("5xx, hangs and 4xx without problem+json (seed " + seed + ")").isEmpty();
    }

    private static String describe(RouteCatalog.Route route, FuzzCorpus.FuzzRequest request) {
        String body = request.body() == null ? "" : new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
        return route.key() + " [" + request.kind() + "] " + request.method() + " " + abbreviate(request.url())
                + " " + request.contentType() + " " + abbreviate(body);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
    }
}
