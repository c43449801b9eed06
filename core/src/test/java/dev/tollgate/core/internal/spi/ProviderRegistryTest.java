package dev.tollgate.core.internal.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarName;
import dev.tollgate.api.spi.SimilarityChecker;
import dev.tollgate.api.spi.SimilarityCheckerProvider;
import dev.tollgate.api.spi.Spi;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

  /** A provider with settable id, priority and SPI version. */
  record Fake(String id, int priority, int spiVersion) implements SimilarityCheckerProvider {
    @Override
    public SimilarityChecker create(ProviderContext context) {
      return name -> List.<SimilarName>of();
    }
  }

  /** Registered in META-INF/services of the test resources. */
  public static final class Discovered implements SimilarityCheckerProvider {
    @Override
    public String id() {
      return "test-discovered";
    }

    @Override
    public int spiVersion() {
      return Spi.VERSION;
    }

    @Override
    public SimilarityChecker create(ProviderContext context) {
      return name -> List.of();
    }
  }

  @Test
  void ordersByPriorityDescendingThenId() {
    ProviderRegistry<SimilarityCheckerProvider> r = ProviderRegistry.of(
        SimilarityCheckerProvider.class, List.of(new Fake("b", 0, Spi.VERSION),
            new Fake("a", 0, Spi.VERSION), new Fake("z", 5, Spi.VERSION)), List.of());
    assertEquals(List.of("z", "a", "b"), r.providers().stream().map(Fake.class::cast)
        .map(Fake::id).toList());
    assertEquals("z", r.first().orElseThrow().id());
  }

  @Test
  void rejectsAnotherSpiMajorVersionAsAProblem() {
    ProviderRegistry<SimilarityCheckerProvider> r = ProviderRegistry.of(
        SimilarityCheckerProvider.class, List.of(new Fake("old", 0, Spi.VERSION + 1)), List.of());
    assertTrue(r.providers().isEmpty());
    assertEquals("old", r.problems().get(0).provider());
    assertTrue(r.problems().get(0).reason().contains("SPI version " + (Spi.VERSION + 1)));
  }

  @Test
  void rejectsIdsThatAreNotKebabCase() {
    ProviderRegistry<SimilarityCheckerProvider> r = ProviderRegistry.of(
        SimilarityCheckerProvider.class, List.of(new Fake("Bad Id", 0, Spi.VERSION)), List.of());
    assertTrue(r.providers().isEmpty());
    assertEquals(1, r.problems().size());
  }

  @Test
  void failsOnDuplicateIdsNamingBothLocations() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> ProviderRegistry.of(SimilarityCheckerProvider.class,
            List.of(new Fake("same", 0, Spi.VERSION), new Fake("same", 1, Spi.VERSION)), List.of()));
    assertTrue(e.getMessage().startsWith("two SimilarityCheckerProvider providers share the id same: "
        + Fake.class.getName()));
    assertTrue(e.getMessage().endsWith("see docs/errors.md#duplicate-provider"));
  }

  @Test
  void discoversProvidersRegisteredInMetaInfServices() {
    ProviderRegistry<SimilarityCheckerProvider> r = ProviderRegistry.discover(
        SimilarityCheckerProvider.class, getClass().getClassLoader());
    assertTrue(r.providers().stream().anyMatch(p -> p.id().equals("test-discovered")),
        r.providers().toString());
  }
}
