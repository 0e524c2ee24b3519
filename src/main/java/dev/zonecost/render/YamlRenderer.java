package dev.zonecost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.zonecost.report.Report;
import java.io.IOException;
import java.io.Writer;

/** The same document as {@link JsonRenderer}, in YAML. */
public final class YamlRenderer implements Renderer {
  private final YAMLMapper yaml =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  public YamlRenderer() {
    yaml.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    yaml.writeValue(out, new JsonRenderer().tree(report));
    out.flush();
  }
}
