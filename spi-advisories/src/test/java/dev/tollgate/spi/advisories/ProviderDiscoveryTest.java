package dev.tollgate.spi.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.spi.AdvisorySourceProvider;
import dev.tollgate.api.spi.Spi;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds the three providers on the class path and on the module path. */
class ProviderDiscoveryTest {

  @Test
  void findsTheProvidersOnTheClassPath() {
    List<String> ids = new ArrayList<>();
    for (AdvisorySourceProvider p : ServiceLoader.load(AdvisorySourceProvider.class)) {
      ids.add(p.id());
      assertEquals(Spi.VERSION, p.spiVersion());
      assertEquals(0, p.priority());
    }
    assertEquals(List.of("builtin-osv-files", "builtin-npm-audit", "builtin-osv-api"), ids);
  }

  @Test
  void findsTheProvidersOnTheModulePath() throws Exception {
    List<Path> path = new ArrayList<>();
    path.add(Path.of("target/classes").toAbsolutePath());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String n = entry.replace('\\', '/');
      if (n.contains("tollgate-api") || n.endsWith("api/target/classes")
          || n.contains("jackson-core") || n.contains("slf4j-api")) {
        path.add(Path.of(entry));
      }
    }
    ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
    ModuleLayer boot = ModuleLayer.boot();
    Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(),
        Set.of("dev.tollgate.spi.advisories"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    Class<?> service = layer.findLoader("dev.tollgate.api")
        .loadClass("dev.tollgate.api.spi.AdvisorySourceProvider");
    assertTrue(service.getModule().isNamed());
    List<String> ids = new ArrayList<>();
    for (Object p : ServiceLoader.load(layer, service)) {
      assertTrue(p.getClass().getModule().isNamed());
      assertEquals("dev.tollgate.spi.advisories", p.getClass().getModule().getName());
      ids.add((String) service.getMethod("id").invoke(p));
    }
    assertEquals(List.of("builtin-osv-files", "builtin-npm-audit", "builtin-osv-api"), ids);
    assertTrue(layer.findModule("dev.tollgate.spi.advisories").orElseThrow().getDescriptor()
        .exports().isEmpty(), "the provider module exports nothing");
  }
}
