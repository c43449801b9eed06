package dev.tollgate.spi.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The bundled SPDX license list (see {@code data/spdx.json.gz.provenance}). Loaded lazily, once,
 * through {@link #get()}. Immutable and thread-safe.
 */
final class SpdxData {
  /** Resource name of the bundle, relative to this package. */
  static final String RESOURCE = "data/spdx.json.gz";

  /** One license of the list. */
  record License(String id, String name, boolean osiApproved, boolean deprecated, String text) {
  }

  private final List<License> licenses;
  private final Map<String, License> byLowerId;
  private final Map<String, String> exceptionsByLowerId;
  private final Map<String, String> deprecatedWithoutText;

  private SpdxData(List<License> licenses, Map<String, String> exceptions,
      Map<String, String> deprecatedWithoutText) {
    this.licenses = Collections.unmodifiableList(licenses);
    Map<String, License> m = new HashMap<>();
    for (License l : licenses) {
      m.put(l.id().toLowerCase(Locale.ROOT), l);
    }
    this.byLowerId = Collections.unmodifiableMap(m);
    this.exceptionsByLowerId = Collections.unmodifiableMap(exceptions);
    this.deprecatedWithoutText = Collections.unmodifiableMap(deprecatedWithoutText);
  }

  private static final class Holder {
    static final SpdxData INSTANCE = load();
  }

  /** Returns the bundled list, loading it on first use. */
  static SpdxData get() {
    return Holder.INSTANCE;
  }

  private static SpdxData load() {
    try (InputStream raw = Anchor.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("the bundled SPDX data " + RESOURCE + " is missing from "
            + "the tollgate-spi-licenses jar; see docs/errors.md#licenses-data");
      }
      JsonNode root = new ObjectMapper().readTree(new GZIPInputStream(raw));
      List<License> list = new ArrayList<>();
      for (JsonNode n : root.path("licenses")) {
        list.add(new License(n.path("id").asText(), n.path("name").asText(),
            n.path("osi").asBoolean(), n.path("deprecated").asBoolean(), n.path("text").asText()));
      }
      Map<String, String> exc = new HashMap<>();
      for (JsonNode n : root.path("exceptions")) {
        exc.put(n.asText().toLowerCase(Locale.ROOT), n.asText());
      }
      for (JsonNode n : root.path("deprecatedExceptions")) {
        exc.put(n.asText().toLowerCase(Locale.ROOT), n.asText());
      }
      Map<String, String> dep = new HashMap<>();
      for (JsonNode n : root.path("deprecatedWithoutText")) {
        dep.put(n.asText().toLowerCase(Locale.ROOT), n.asText());
      }
      return new SpdxData(list, exc, dep);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled SPDX data " + RESOURCE
          + "; see docs/errors.md#licenses-data", e);
    }
  }

  /** All licenses, sorted by id. */
  List<License> licenses() {
    return licenses;
  }

  /** The license with this id, ignoring case. */
  Optional<License> license(String id) {
    return Optional.ofNullable(byLowerId.get(id.toLowerCase(Locale.ROOT)));
  }

  /** The canonical spelling of a license id (also deprecated ones without text), ignoring case. */
  Optional<String> canonicalLicenseId(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    License l = byLowerId.get(lower);
    return l != null ? Optional.of(l.id()) : Optional.ofNullable(deprecatedWithoutText.get(lower));
  }

  /** Whether an id is deprecated. */
  boolean isDeprecated(String canonicalId) {
    License l = byLowerId.get(canonicalId.toLowerCase(Locale.ROOT));
    return l != null ? l.deprecated()
        : deprecatedWithoutText.containsKey(canonicalId.toLowerCase(Locale.ROOT));
  }

  /** The canonical spelling of an exception id, ignoring case. */
  Optional<String> canonicalExceptionId(String id) {
    return Optional.ofNullable(exceptionsByLowerId.get(id.toLowerCase(Locale.ROOT)));
  }

  /** Exception ids. */
  List<String> exceptionIds() {
    return List.copyOf(exceptionsByLowerId.values());
  }
}
