package org.districtops.launcher.crash;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a service's live read models with what a full replay of its event store produces, using the service's
 * own admin rebuild ({@code /admin/read-side/**}, kit ProjectionRebuilds): once every processor has caught up, the
 * live collections are read, every projection is replayed from the first event into new collections which then
 * replace the live ones, and the rebuilt collections are read again. A difference is a read model that diverged.
 */
final class ReadSideCheck implements AutoCloseable {

    /** One service as the harness reaches it directly (not through the gateway). */
    record Service(String name, String database, String contextPath, String portVariable) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final MongoClient mongo;

    ReadSideCheck(int mongoPort) {
        mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort);
    }

    /** Waits until every processor of the service reports caught up (its actuator health, readSide details). */
    void awaitCaughtUp(String base, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(base + "/actuator/health", null);
                JsonNode details = WriteMix.JSON.readTree(r.body()).path("components").path("readSide").path("details");
                List<String> behind = new ArrayList<>();
                details.properties().forEach(e -> {
                    if (e.getValue().has("caughtUp") && !e.getValue().get("caughtUp").asBoolean()) {
                        behind.add(e.getKey() + " " + e.getValue());
                    }
                });
                if (!details.isMissingNode() && !details.isEmpty() && behind.isEmpty()) {
                    return;
                }
                last = details.isMissingNode() ? r.statusCode() + " " + r.body() : behind.toString();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(base + ": read side not caught up within " + timeout + "; last: " + last);
    }

    /**
     * Replays every projection of the service and returns the documents that differ between the live collections
     * before and the rebuilt ones after (empty when the live read side equals a full replay).
     */
    List<String> compareWithReplay(Service service, String base, String operator) throws Exception {
        MongoDatabase db = mongo.getDatabase(service.database());
        Map<String, List<String>> live = snapshot(db);
        HttpResponse<String> started = post(base + "/admin/read-side/rebuilds", operator);
        if (started.statusCode() != 202) {
            throw new AssertionError(service.name() + ": rebuild answered " + started.statusCode() + " " + started.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = WriteMix.JSON.readTree(get(base + "/admin/read-side/rebuilds/current", operator).body());
            String state = status.path("state").asString("");
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
            Thread.sleep(200);
        }
        if (status == null || !status.path("state").asString("").equals("DONE")) {
            throw new AssertionError(service.name() + ": rebuild did not finish: " + status);
        }
        awaitCaughtUp(base, Duration.ofMinutes(2));
        Map<String, List<String>> rebuilt = snapshot(db);
        List<String> differences = new ArrayList<>();
        for (JsonNode c : status.get("collections")) {
            String name = c.asString();
            List<String> before = live.getOrDefault(name, List.of());
            List<String> after = rebuilt.getOrDefault(name, List.of());
            if (!before.equals(after)) {
                List<String> onlyLive = new ArrayList<>(before);
                onlyLive.removeAll(after);
                List<String> onlyReplay = new ArrayList<>(after);
                onlyReplay.removeAll(before);
                onlyLive.forEach(d -> differences.add(service.name() + "." + name + " live only: " + d));
                onlyReplay.forEach(d -> differences.add(service.name() + "." + name + " replay only: " + d));
                if (onlyLive.isEmpty() && onlyReplay.isEmpty()) {
                    differences.add(service.name() + "." + name + ": same documents, different multiplicity");
                }
            }
        }
        return differences;
    }

    /** Every read-model collection, documents as JSON in a stable order (operational collections left out). */
    private static Map<String, List<String>> snapshot(MongoDatabase db) {
        Map<String, List<String>> all = new TreeMap<>();
        for (String name : db.listCollectionNames()) {
            if (name.startsWith("axon_") || name.equals("read_side_state") || name.equals("processor_instances")
                    || name.endsWith("__rebuild")) {
                continue;
            }
            List<String> docs = new ArrayList<>();
            for (Document d : db.getCollection(name).find()) {
                docs.add(d.toJson());
            }
            Collections.sort(docs);
            all.put(name, docs);
        }
        return all;
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        mongo.close();
    }
}
