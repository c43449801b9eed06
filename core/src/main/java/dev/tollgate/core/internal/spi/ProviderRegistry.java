package dev.tollgate.core.internal.spi;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.spi.ProviderFactory;
import dev.tollgate.api.spi.Spi;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers of one capability with {@link ServiceLoader}, once, with an explicit class loader;
 * orders them by {@code priority()} descending then {@code id()}; rejects providers compiled against
 * another SPI major version; records broken providers as problems and goes on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <P> the provider factory type
 * @param type the provider interface
 * @param providers the usable providers, ordered
 * @param problems providers that could not be used, with the reason
 */
public record ProviderRegistry<P extends ProviderFactory<?>>(Class<P> type, List<P> providers,
    List<Problem> problems) {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public ProviderRegistry {
    Objects.requireNonNull(type, "type");
    providers = List.copyOf(providers);
    problems = List.copyOf(problems);
  }

  /**
   * A provider that could not be used.
   *
   * @param provider the provider's id or class name
   * @param reason why
   */
  public record Problem(String provider, String reason) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Problem {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Discovers the providers of a type.
   *
   * @param type the provider interface
   * @param loader the class loader to search
   * @param <P> the provider type
   * @return the registry
   * @throws ConfigurationException if two providers share an id (naming both locations)
   */
  public static <P extends ProviderFactory<?>> ProviderRegistry<P> discover(Class<P> type,
      ClassLoader loader) {
    List<P> found = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Iterator<P> it = ServiceLoader.load(type, loader).iterator();
    while (true) {
      P p;
      try {
        if (!it.hasNext()) {
          break;
        }
        p = it.next();
      } catch (ServiceConfigurationError e) {
        problems.add(new Problem(type.getSimpleName(), String.valueOf(e.getMessage())));
        LOG.warn("provider of {} could not be loaded: {}", type.getSimpleName(), e.getMessage());
        continue;
      }
      found.add(p);
    }
    return of(type, found, problems);
  }

  /**
   * Builds a registry from given providers (discovery off, or discovered plus added).
   *
   * @param type the provider interface
   * @param candidates the providers
   * @param problems problems already recorded
   * @param <P> the provider type
   * @return the registry
   * @throws ConfigurationException if two providers share an id
   */
  public static <P extends ProviderFactory<?>> ProviderRegistry<P> of(Class<P> type,
      List<P> candidates, List<Problem> problems) {
    List<Problem> allProblems = new ArrayList<>(problems);
    List<P> usable = new ArrayList<>();
    Map<String, P> byId = new HashMap<>();
    for (P p : candidates) {
      String id;
      int version;
      try {
        id = p.id();
        version = p.spiVersion();
      } catch (RuntimeException e) {
        allProblems.add(new Problem(p.getClass().getName(), "id() or spiVersion() failed: " + e));
        continue;
      }
      if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        allProblems.add(new Problem(p.getClass().getName(), "invalid id " + id
            + ": ids are kebab-case"));
        continue;
      }
      if (version != Spi.VERSION) {
        allProblems.add(new Problem(id, "compiled against SPI version " + version
            + ", core supports " + Spi.VERSION + "; upgrade the provider or core"));
        LOG.warn("provider {} rejected: SPI version {} (core {})", id, version, Spi.VERSION);
        continue;
      }
      P previous = byId.putIfAbsent(id, p);
      if (previous != null) {
        throw new ConfigurationException("two " + type.getSimpleName() + " providers share the id "
            + id + ": " + location(previous) + " and " + location(p)
            + "; remove one jar or add providers by hand with autoDiscovery(false);"
            + " see docs/errors.md#duplicate-provider");
      }
      usable.add(p);
      if (LOG.isDebugEnabled()) {
        LOG.debug("provider {} (priority {}, SPI {}) from {}", id, p.priority(), version,
            location(p));
      }
    }
    usable.sort(Comparator.comparingInt((P p) -> -p.priority()).thenComparing(ProviderFactory::id));
    return new ProviderRegistry<>(type, usable, allProblems);
  }

  /**
   * Returns the highest-priority provider, for capabilities where one wins.
   *
   * @return the first provider, or empty
   */
  public java.util.Optional<P> first() {
    return providers.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(providers.get(0));
  }

  static String location(Object provider) {
    Class<?> c = provider.getClass();
    CodeSource cs = c.getProtectionDomain().getCodeSource();
    String where = cs == null || cs.getLocation() == null ? "unknown location"
        : cs.getLocation().toString();
    return c.getName() + " (" + where + ")";
  }
}
