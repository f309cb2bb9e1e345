package org.districtops.pd.credentials;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.List;

/** The official Open Badges 3.0 JSON Schemas (copied into test resources), ready to validate against. */
public final class ObSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
    public static final Schema CREDENTIAL = load("achievementcredential.schema.json");
    public static final Schema PROFILE = load("profile.schema.json");

    private ObSchemas() {
    }

    private static Schema load(String name) {
        try (InputStream in = ObSchemas.class.getResourceAsStream("/open-badges-3.0/" + name)) {
            return REGISTRY.getSchema(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema's complaints about {@code document} (empty when it is valid). */
    public static List<String> errors(Schema schema, Object document) {
        JsonNode node = document instanceof JsonNode n ? n : JSON.valueToTree(document);
        return schema.validate(node).stream().map(Error::toString).toList();
    }
}
