package dev.tollgate.spi.licenses;

/** Anchor for loading this package's resources with {@code Anchor.class.getResourceAsStream}. */
final class Anchor {
  private Anchor() {
  }
}
