package dev.tollgate.spi.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.spi.SimilarityCheckerProvider;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Loads the module on the module path (a fresh module layer of api, slf4j-api and this module)
 * and finds its provider there, so {@code module-info} ({@code provides}, no exports) and the
 * bundled data work for named modules too. The class-path route is {@link ProviderTest}.
 */
class ModulePathDiscoveryTest {

  static Path where(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void findsTheProviderAndChecksANameOnTheModulePath() throws Exception {
    ModuleFinder finder = ModuleFinder.of(where(SimilarityCheckerProvider.class),
        where(org.slf4j.Logger.class), where(BuiltinSimilarityProvider.class));
    ModuleLayer boot = ModuleLayer.boot();
    Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(),
        Set.of("dev.tollgate.spi.similarity"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader()
        .getParent());
    Module m = layer.findModule("dev.tollgate.spi.similarity").orElseThrow();
    assertTrue(m.getDescriptor().exports().isEmpty(), "exports nothing");
    assertFalse(m.getDescriptor().provides().isEmpty());
    ClassLoader loader = layer.findLoader("dev.tollgate.api");
    Class<?> spi = loader.loadClass("dev.tollgate.api.spi.SimilarityCheckerProvider");
    List<?> found = ServiceLoader.load(layer, spi).stream().map(ServiceLoader.Provider::get)
        .toList();
    assertEquals(1, found.size());
    Object p = found.get(0);
    assertEquals("builtin-similarity", spi.getMethod("id").invoke(p));
    Class<?> ctxClass = loader.loadClass("dev.tollgate.api.spi.ProviderContext");
    Object builder = ctxClass.getMethod("builder").invoke(null);
    Object ctx = builder.getClass().getMethod("build").invoke(builder);
    Object checker = spi.getMethod("create", ctxClass).invoke(p, ctx);
    Class<?> checkerType = loader.loadClass("dev.tollgate.api.spi.SimilarityChecker");
    List<?> similar = (List<?>) checkerType.getMethod("check", String.class)
        .invoke(checker, "lodahs");
    assertFalse(similar.isEmpty(), "bundled data readable from the named module");
  }
}
