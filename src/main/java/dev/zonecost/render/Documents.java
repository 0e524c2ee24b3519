package dev.zonecost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Writer;

/** Writes the views' documents: indented JSON ending in a newline, YAML without a start marker. */
final class Documents {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
  private static final YAMLMapper YAML = yamlMapper();

  private Documents() {}

  private static YAMLMapper yamlMapper() {
    YAMLMapper y =
        new YAMLMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    y.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    return y;
  }

  static void json(JsonNode doc, Writer out) throws IOException {
    JSON.writeValue(out, doc);
    out.write("\n");
    out.flush();
  }

  static void yaml(JsonNode doc, Writer out) throws IOException {
    YAML.writeValue(out, doc);
    out.flush();
  }
}
