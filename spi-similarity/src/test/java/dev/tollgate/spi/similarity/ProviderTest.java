package dev.tollgate.spi.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarityCheckerProvider;
import dev.tollgate.api.spi.Spi;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProviderTest {

  @Test
  void isFoundByServiceLoaderWithItsIdAndSpiVersion() {
    List<SimilarityCheckerProvider> found = ServiceLoader.load(SimilarityCheckerProvider.class)
        .stream().map(ServiceLoader.Provider::get).toList();
    assertEquals(1, found.size());
    SimilarityCheckerProvider p = found.get(0);
    assertEquals("builtin-similarity", p.id());
    assertEquals(Spi.VERSION, p.spiVersion());
    assertEquals(0, p.priority());
    assertTrue(p.create(ProviderContext.builder().build()) instanceof TyposquatChecker);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "similarity.targets|lots",
      "similarity.targets|0",
      "similarity.threshold.squat|1.5",
      "similarity.threshold.suspicious|0.9",
      "similarity.legitimatePairs|nogreater",
      "similarity.confusion.publicRegistries|ftp://x"})
  void rejectsMalformedConfiguration(String key, String value) {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> new BuiltinSimilarityProvider().create(ProviderContext.builder().put(key, value)
            .build()));
    assertTrue(e.getMessage().contains(key), e.getMessage());
    assertTrue(e.getMessage().endsWith("see docs/errors.md#configuration"), e.getMessage());
  }
}
