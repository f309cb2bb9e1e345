package org.districtops.reliability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile requests, generated deterministically from a seed: the same seed gives the same corpus, so a failure
 * reproduces with {@code -Ddop.fuzz.seed=...}. Each request starts from a plausible one (SampleBodies) and breaks
 * one thing: a path variable, the query, the body's syntax, a field's type, presence or size, or the media type.
 */
public final class FuzzCorpus {

    /** One generated request. {@code kind} names the mutation, for the report. */
    public record FuzzRequest(String kind, String method, String url, String contentType, byte[] body) {
    }

    static final List<String> HOSTILE_STRINGS = List.of(
            "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "..\\..\\windows\\win.ini", "%00", "\u0000",
            "' OR '1'='1", "1; DROP TABLE domain_event_entry;--", "\" OR \"\"=\"", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}",
            "$where", "{\"$gt\":\"\"}", "$ne", "\uD800", "\uFEFF", "\u202Eevil", "\u200B", "😀👩‍👩‍👧‍👦",
            "Ω≈ç√∫", "ﷺ", "𝕏", "\r\nX-Injected: 1", "-1", "0", "99999999999999999999999", "NaN", "null", "true",
            "", " ", "a".repeat(300), "x".repeat(5_000));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Random random;

    public FuzzCorpus(long seed) {
        this.random = new Random(seed);
    }

    public FuzzRequest next(String base, RouteCatalog.Route route, SampleBodies bodies) {
        String sample = route.hasBody() ? bodies.bodyFor(route.method(), route.pattern()) : null;
        String contentType = route.hasBody() ? bodies.contentType(route.method(), route.pattern()) : null;
        String path = route.expand(Principals::pathValue);
        String query = "";
        String kind;
        byte[] body = sample == null ? null : sample.getBytes(StandardCharsets.UTF_8);
        int choice = random.nextInt(route.hasBody() ? 12 : 4);
        switch (choice) {
            case 0 -> {
                kind = "path-variable";
                List<String> vars = route.variables();
                String target = vars.isEmpty() ? null : vars.get(random.nextInt(vars.size()));
                String hostile = pick(HOSTILE_STRINGS);
                path = route.expand(v -> v.equals(target) ? encode(hostile) : Principals.pathValue(v));
                if (target == null) {
                    path = path + "/" + encode(hostile);
                }
            }
            case 1 -> {
                kind = "path-traversal";
                path = path + pick(List.of("/..", "/%2e%2e/%2e%2e/actuator/env", "/..;/admin", "/./", "//",
                        "%2F..%2F..%2Fetc%2Fpasswd", "/%c0%ae%c0%ae/"));
            }
            case 2 -> {
                kind = "query";
                query = "?" + pick(List.of("asOf", "from", "to", "limit", "page", "status", "q", "filter", "sort",
                        "type", "date", "size")) + "=" + encode(pick(HOSTILE_STRINGS))
                        + "&" + encode("$where") + "=" + encode("sleep(10000)")
                        + "&asOf=" + encode(pick(List.of("2026-13-45", "yesterday", "-999999999-01-01", "1e9")));
            }
            case 3 -> {
                kind = "unexpected-body";
                contentType = pick(List.of("application/json", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ebcdic"));
                body = pick(List.of("{\"a\":", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                        "a=b&c=%ZZ", "--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--x--", "\u0000\u0001"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                kind = "malformed-json";
                String s = sample == null ? "{}" : sample;
                body = pick(List.of(s.substring(0, Math.max(1, s.length() / 2)), s + "}", "[" + s, s.replace(":", "="),
                        "{'single':'quotes'}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":\"\\uZZZZ\"}", "", "null", "[]", "42",
                        "\"just a string\"", "{\"a\":1,\"a\":2}", "{\"a\":\"unterminated}"))
                        .getBytes(StandardCharsets.UTF_8);
                contentType = "application/json";
            }
            case 5 -> {
                kind = "wrong-type";
                body = mutateField(sample, v -> pick(List.<JsonNode>of(NODES.numberNode(random.nextInt()),
                        NODES.booleanNode(true), NODES.arrayNode().add("x"), NODES.objectNode().put("x", 1),
                        NODES.nullNode(), NODES.stringNode(pick(HOSTILE_STRINGS)), NODES.numberNode(1e308),
                        NODES.numberNode(-1), NODES.stringNode("2026-02-30"), NODES.stringNode("9999-12-31T25:61:00Z"))));
            }
            case 6 -> {
                kind = "missing-field";
                body = removeField(sample);
            }
            case 7 -> {
                kind = "extra-field";
                body = addField(sample, pick(List.of("status", "districtId", "approved", "role", "id", "version",
                        "actorId", "__proto__", "constructor", "class")), NODES.stringNode(pick(HOSTILE_STRINGS)));
            }
            case 8 -> {
                kind = "nosql-operator";
                ObjectNode operator = NODES.objectNode();
                operator.put(pick(List.of("$where", "$gt", "$ne", "$regex", "$expr", "$function")),
                        pick(List.of("", "this.a == this.a", ".*", "sleep(5000)")));
                body = mutateField(sample, v -> operator);
            }
            case 9 -> {
                kind = "huge";
                int n = random.nextInt(3);
                body = n == 0 ? mutateField(sample, v -> NODES.stringNode("x".repeat(200_000)))
                        : n == 1 ? mutateField(sample, v -> {
                            ArrayNode a = NODES.arrayNode();
                            for (int i = 0; i < 20_000; i++) {
                                a.add("item-" + i);
                            }
                            return a;
                        })
                        : ("{\"pad\":\"" + "y".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            case 10 -> {
                kind = "deep-nesting";
                int depth = pick(List.of(200, 2_000, 20_000));
                body = ("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
                if (random.nextBoolean()) {
                    body = ("{\"x\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
                }
            }
            default -> {
                kind = "unicode-and-injection";
                body = mutateField(sample, v -> NODES.stringNode(pick(HOSTILE_STRINGS) + pick(HOSTILE_STRINGS)));
            }
        }
        return new FuzzRequest(kind, route.method(), base + path + query, contentType, body);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every value path (object fields and array items) of the sample, to choose one to break. */
    private static void paths(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = at + "/" + e.getKey();
                out.add(p);
                paths(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(at + "/" + i);
                paths(node.get(i), at + "/" + i, out);
            }
        }
    }

    private byte[] mutateField(String sample, java.util.function.UnaryOperator<JsonNode> replace) {
        JsonNode root = parse(sample);
        List<String> candidates = new ArrayList<>();
        paths(root, "", candidates);
        if (candidates.isEmpty() || !root.isContainer()) {
            return replace.apply(root).toString().getBytes(StandardCharsets.UTF_8);
        }
        String target = pick(candidates);
        int slash = target.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(target.substring(0, slash));
        String last = target.substring(slash + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, replace.apply(parent.get(last)));
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), replace.apply(parent.get(Integer.parseInt(last))));
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] removeField(String sample) {
        JsonNode root = parse(sample);
        if (root.isObject() && !root.isEmpty()) {
            List<String> names = new ArrayList<>(root.propertyNames());
            ((ObjectNode) root).remove(pick(names));
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] addField(String sample, String name, JsonNode value) {
        JsonNode root = parse(sample);
        if (root.isObject()) {
            ((ObjectNode) root).set(name, value);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String sample) {
        try {
            return sample == null ? NODES.objectNode() : JSON.readTree(sample);
        } catch (RuntimeException notJson) {
            return NODES.objectNode();
        }
    }
}
