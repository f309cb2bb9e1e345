package org.districtops.reliability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plausible request body for an operation, generated from the service's own OpenAPI document (springdoc, which
 * carries the Bean Validation constraints), so that the matrix reaches the authorization check of handlers that
 * validate their body first.
 */
public final class SampleBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> STRING_CANDIDATES = List.of("rel-sample-1", "Sample text", "abc", "ABC", "a1",
            "1", "2026", "2026-2027", "x@example.org", "https://example.org/x", "#336699", "image/png", "USD");

    private static final Pattern LATER = Pattern.compile("(?i)end|until|expir|due|to$");
    private final JsonNode openApi;

    public SampleBodies(JsonNode openApi) {
        this.openApi = openApi;
    }

    /** The media type the operation consumes (application/json unless the document names another). */
    public String contentType(String method, String pattern) {
        JsonNode content = openApi.path("paths").path(pattern).path(method.toLowerCase()).path("requestBody").path("content");
        if (content.has("application/json") || content.isMissingNode() || content.isEmpty()) {
            return "application/json";
        }
        return content.propertyNames().iterator().next();
    }

    /** The body to send for {@code method pattern}: a sample of its JSON schema, a few bytes for other media types. */
    public String bodyFor(String method, String pattern) {
        JsonNode op = openApi.path("paths").path(pattern).path(method.toLowerCase());
        String type = contentType(method, pattern);
        JsonNode schema = op.path("requestBody").path("content").path(type).path("schema");
        if (!type.equals("application/json")) {
            return type.startsWith("text/") ? "id,name\nrel-1,Sample\n" : "rel-bytes";
        }
        if (schema.isMissingNode()) {
            return "{}";
        }
        return sample(schema, 0).toString();
    }

    public JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("allOf")) {
            return sample(schema.get("allOf").get(0), depth + 1);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return sample((schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0), depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString("object");
        if (schema.path("type").isArray()) {
            type = schema.get("type").get(0).asString();
        }
        switch (type) {
            case "string":
                return NODES.stringNode(string(schema));
            case "integer":
                return NODES.numberNode((long) lowest(schema, 2026));
            case "number":
                return NODES.numberNode(lowest(schema, 1.5));
            case "boolean":
                return NODES.booleanNode(false);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < n; i++) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (!resolve(p.getValue()).path("readOnly").asBoolean(false)) {
                        JsonNode value = sample(p.getValue(), depth + 1);
                        if (value.isString() && value.asString().equals("2026-03-01") && LATER.matcher(p.getKey()).find()) {
                            value = NODES.stringNode("2026-06-30"); // an end after its start
                        }
                        object.set(p.getKey(), value);
                    }
                }
                return object;
            }
        }
    }

    /** The smallest valid number: minimum, or just above an exclusive minimum (OpenAPI 3.0 or 3.1 style). */
    private static double lowest(JsonNode schema, double otherwise) {
        JsonNode exclusive = schema.path("exclusiveMinimum");
        if (exclusive.isNumber()) {
            return exclusive.asDouble() + 1;
        }
        if (schema.has("minimum") && schema.has("maximum")) {
            // the middle of the range: springdoc drops "exclusive" from @DecimalMin(inclusive = false)
            return Math.floor((schema.get("minimum").asDouble() + schema.get("maximum").asDouble()) / 2);
        }
        if (schema.has("minimum")) {
            return schema.get("minimum").asDouble() + 1;
        }
        return otherwise;
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asString("");
        String value = switch (format) {
            case "date" -> "2026-03-01";
            case "date-time" -> "2026-03-01T10:00:00Z";
            case "uuid" -> "00000000-0000-4000-8000-000000000001";
            case "email" -> "x@example.org";
            case "uri", "url" -> "https://example.org/x";
            case "byte" -> "aGVsbG8=";
            default -> null;
        };
        if (value == null && schema.has("pattern")) {
            Pattern p = Pattern.compile(schema.get("pattern").asString());
            value = STRING_CANDIDATES.stream().filter(c -> p.matcher(c).matches()).findFirst().orElse("rel-sample-1");
        }
        if (value == null) {
            value = "Sample text";
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        while (value.length() < min) {
            value = value + "x";
        }
        return value.length() > max ? value.substring(0, Math.max(max, 1)) : value;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = openApi.at(ref.substring(1));
        }
        return schema;
    }
}
