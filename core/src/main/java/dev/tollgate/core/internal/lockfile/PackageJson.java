package dev.tollgate.core.internal.lockfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.internal.io.JsonSupport;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code package.json} that dependency graphs need.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the name, or empty
 * @param version the version, or empty
 * @param dependencies {@code dependencies}
 * @param devDependencies {@code devDependencies}
 * @param optionalDependencies {@code optionalDependencies}
 * @param peerDependencies {@code peerDependencies}
 * @param optionalPeers names marked optional in {@code peerDependenciesMeta}
 * @param bundleDependencies {@code bundleDependencies} / {@code bundledDependencies} names
 * @param workspaces workspace globs ({@code workspaces} array or {@code workspaces.packages})
 * @param license the {@code license} as text, or empty
 * @param scripts the {@code scripts}
 */
public record PackageJson(String name, String version, Map<String, String> dependencies,
    Map<String, String> devDependencies, Map<String, String> optionalDependencies,
    Map<String, String> peerDependencies, List<String> optionalPeers,
    List<String> bundleDependencies, List<String> workspaces, String license,
    Map<String, String> scripts) {

  /** An empty manifest, for projects whose package.json is not available. */
  public static final PackageJson EMPTY = new PackageJson("", "", Map.of(), Map.of(), Map.of(),
      Map.of(), List.of(), List.of(), List.of(), "", Map.of());

  /**
   * Reads a manifest.
   *
   * @param in the stream
   * @param source the source name for messages
   * @param limits the limits
   * @return the manifest
   * @throws IOException if the stream cannot be read
   * @throws InvalidInputException if it is not a JSON object
   */
  public static PackageJson read(InputStream in, String source, Limits limits) throws IOException {
    ObjectMapper mapper = new ObjectMapper(JsonSupport.factory(limits));
    JsonNode root;
    try (var p = JsonSupport.open(mapper.getFactory(), in, source, limits)) {
      root = mapper.readTree(p);
    } catch (JsonProcessingException e) {
      throw JsonSupport.translate(source, e, limits);
    } catch (java.io.CharConversionException e) {
      throw JsonSupport.translate(source, e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source, 1, 1,
          "package.json must hold a JSON object; see docs/errors.md#malformed-manifest");
    }
    return of(root);
  }

  /**
   * Builds a manifest from a parsed JSON object (a package.json, or a lockfile entry of the same
   * shape). Values of the wrong type are ignored, as npm ignores them.
   *
   * @param root the object
   * @return the manifest
   */
  public static PackageJson of(JsonNode root) {
    List<String> peersOptional = new ArrayList<>();
    JsonNode meta = root.path("peerDependenciesMeta");
    if (meta.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().path("optional").asBoolean(false)) {
          peersOptional.add(e.getKey());
        }
      }
    }
    JsonNode bundle = root.has("bundleDependencies") ? root.get("bundleDependencies")
        : root.path("bundledDependencies");
    List<String> bundled = strings(bundle);
    if (bundle.isBoolean() && bundle.asBoolean()) {
      bundled = new ArrayList<>(map(root.path("dependencies")).keySet());
    }
    JsonNode ws = root.path("workspaces");
    List<String> workspaces = ws.isObject() ? strings(ws.path("packages")) : strings(ws);
    JsonNode lic = root.path("license");
    String license = lic.isTextual() ? lic.asText()
        : lic.isObject() && lic.path("type").isTextual() ? lic.path("type").asText() : "";
    return new PackageJson(text(root, "name"), text(root, "version"), map(root.path("dependencies")),
        map(root.path("devDependencies")), map(root.path("optionalDependencies")),
        map(root.path("peerDependencies")), List.copyOf(peersOptional), List.copyOf(bundled),
        List.copyOf(workspaces), license, map(root.path("scripts")));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? v.asText() : "";
  }

  /**
   * Reads a JSON object of strings into an ordered map, skipping non-string values.
   *
   * @param n the node
   * @return the map, in document order
   */
  public static Map<String, String> map(JsonNode n) {
    if (!n.isObject() || n.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isTextual()) {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Reads a JSON array of strings, skipping non-strings.
   *
   * @param n the node
   * @return the strings
   */
  public static List<String> strings(JsonNode n) {
    if (!n.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode v : n) {
      if (v.isTextual()) {
        out.add(v.asText());
      }
    }
    return List.copyOf(out);
  }
}
