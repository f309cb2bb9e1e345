package org.districtops.reliability;

import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients change the same aggregate at once, each guarding with the version it read (If-Match): every answer
 * is 201 or 409, and the plan ends with exactly the goals whose requests were accepted (no lost update).
 */
class ConcurrencyIT {

    @Test
    void concurrentGuardedUpdatesOfOnePlanAreEachAcceptedOrConflictingAndNoneIsLost() throws Exception {
        String d = Principals.DISTRICT;
        String vision = InProcessServices.get("vision").base();
        String token = TestTokens.token("race-super", d, "superintendent");
        HttpResponse<String> plan = Http.json("POST", vision + "/districts/" + d + "/plans", token,
                "{\"title\":\"Race plan\",\"startYear\":2025,\"endYear\":2030}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String planId = JsonMapper.builder().build().readTree(plan.body()).get("planId").asString();

        int clients = 16;
        int rounds = 3;
        List<String> accepted = new ArrayList<>();
        int conflicts = 0;
        long version = 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 0; round < rounds; round++) {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                long guard = version;
                for (int c = 0; c < clients; c++) {
                    String title = "Goal r" + round + " c" + c;
                    answers.add(pool.submit(() -> Http.send("POST", vision + "/districts/" + d + "/plans/" + planId + "/goals",
                            token, "application/json", ("{\"title\":\"" + title + "\"}").getBytes(), Map.of("If-Match", "\"" + guard + "\""))));
                }
                for (int c = 0; c < clients; c++) {
                    HttpResponse<String> r = answers.get(c).get();
                    assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
                    if (r.statusCode() == 201) {
                        accepted.add("Goal r" + round + " c" + c);
                        version = Math.max(version, Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replace("\"", "").replace("W/", "")));
                    } else {
                        conflicts++;
                        assertThat(Http.isProblem(r)).isTrue();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(accepted).as("exactly one guarded change per version wins").hasSize(rounds);
        assertThat(conflicts).isEqualTo(rounds * (clients - 1));
        var view = new org.districtops.testsupport.ApiClient(vision).await("/public/districts/" + d + "/plans/" + planId, null,
                p -> p.get("goals").size() == accepted.size());
        List<String> titles = new ArrayList<>();
        view.get("goals").forEach(g -> titles.add(g.get("title").asString()));
        assertThat(titles).containsExactlyInAnyOrderElementsOf(accepted);
    }
}
