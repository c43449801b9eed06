package dev.tollgate.spi.licenses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.spi.LicenseDetectorProvider;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.Spi;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {
  @Test
  void isDiscoveredThroughTheServiceLoader() {
    LicenseDetectorProvider p = ServiceLoader.load(LicenseDetectorProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(x -> x.id().equals("builtin-licenses"))
        .findFirst().orElseThrow();
    assertEquals(Spi.VERSION, p.spiVersion());
    assertEquals("MIT", p.create(ProviderContext.builder().build()).interpret("MIT").expression());
  }

  @Test
  void rejectsABadMatchTextsValue() {
    ProviderContext ctx = ProviderContext.builder().put("licenses.matchTexts", "maybe").build();
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> new BuiltinLicensesProvider().create(ctx));
    assertTrue(e.getMessage().contains("licenses.matchTexts"));
  }
}
